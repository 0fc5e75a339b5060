using System;
using FsCheck;
using FsCheck.Fluent;
using BmsRules.Runtime;

namespace BmsRules.Properties.Infrastructure;

/// <summary>Turns "first violation or null" checks into FsCheck properties with a readable label.</summary>
public static class Verdict
{
    /// <summary>A property over traces: <paramref name="check"/> returns a description of the first violation, or null.</summary>
    public static Property ForAllTraces(Arbitrary<Trace> traces, Func<IRuleEngine> engine, Func<TraceRun, string?> check) =>
        Prop.ForAll(traces, trace =>
        {
            var run = TraceRun.Run(engine(), trace);
            var violation = run.Error is not null ? "the engine threw " + run.Error : check(run);
            return Prop.Label(violation is null, violation ?? "holds");
        });

    /// <summary>A property that holds at every step: <paramref name="check"/> returns a violation for one observation, or null.</summary>
    public static Property EveryStep(Arbitrary<Trace> traces, Func<IRuleEngine> engine, Func<TraceRun, Observation, string?> check) =>
        ForAllTraces(traces, engine, run =>
        {
            foreach (var o in run.Observations)
            {
                var violation = check(run, o);
                if (violation is not null) return violation;
            }
            return null;
        });
}
