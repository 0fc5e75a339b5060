using System;
using System.Linq;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Robustness;

/// <summary>Determinism: the same input trace always yields the same outputs (time is an input).</summary>
public sealed class DeterminismProperties
{
    private readonly ITestOutputHelper _output;

    public DeterminismProperties(ITestOutputHelper output) => _output = output;

    public static Property SameTraceSameResults(Func<IRuleEngine> engine) =>
        Prop.ForAll(TraceGenerators.Traces(new TraceGenerators.Options { BtvMode = true }), trace =>
        {
            var first = engine();
            var a = TraceRun.Run(first, trace);
            var b = TraceRun.Run(engine(), trace);
            var c = TraceRun.Run(first, trace); // the same instance again, after Reset
            foreach (var (other, what) in new[] { (b, "a second engine"), (c, "the same engine after Reset") })
            {
                for (var i = 0; i < a.Observations.Count; i++)
                {
                    var x = a.Observations[i];
                    var y = other.Observations[i];
                    if (!x.Outputs.SequenceEqual(y.Outputs) || !x.Flags.SequenceEqual(y.Flags) || !x.States.SequenceEqual(y.States)
                        || !x.Conditions.SequenceEqual(y.Conditions) || !x.Tables.SequenceEqual(y.Tables) || !x.Lit.SequenceEqual(y.Lit)
                        || x.Codes != y.Codes)
                    {
                        return Prop.Label(false, $"{what} diverged at step #{i}: {a.Describe(x)} vs {other.Describe(y)}");
                    }
                }
            }
            return Prop.Label(a.Error is null, "the engine threw " + a.Error);
        });

    [Fact]
    public void The_same_trace_always_yields_the_same_outputs() =>
        PropertyRunner.Check("determinism", SameTraceSameResults(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_an_engine_whose_timing_depends_on_hidden_global_state()
    {
        var mutant = Mutants.FromGeneratedCode("static-counter", source => source
            .Replace("private bool _started;", "private bool _started;\n        private static int s_calls;")
            .Replace("nowMs - _systemSince >= 500L", "nowMs - _systemSince >= 500L * (++s_calls % 3 + 1)"));
        PropertyRunner.ExpectCounterexample("determinism", SameTraceSameResults(mutant), _output, "diverged");
    }
}
