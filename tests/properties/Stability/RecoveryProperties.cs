using System;
using System.Linq;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Stability;

/// <summary>
/// Recovery (001 §5.2): whatever happened before, once every condition has cleared past its
/// hysteresis and stays clear, loads and chargers come back within the spec's recovery bound
/// (fault recovery delay or remote debounce, whichever is longer, plus two control steps).
/// </summary>
public sealed class RecoveryProperties
{
    private const long StepMs = 100;
    private readonly ITestOutputHelper _output;

    public RecoveryProperties(ITestOutputHelper output) => _output = output;

    public static Property EverythingRecoversOnceConditionsClear(Func<IRuleEngine> engine)
    {
        var bound = Math.Max(SpecFacts.Timer("FaultRecoveryDelay"), SpecFacts.Timer("RemoteOnDebounce")) + 2 * StepMs;
        var traces = TraceGenerators.Traces(new TraceGenerators.Options { BtvMode = true });
        var withHealthyTail = Arb.From(
            traces.Generator.Select(t => t.Append(TraceGenerators.Hold(t, TraceGenerators.Healthy(), bound + 1_000, StepMs))),
            t => TraceGenerators.Shrink(t));
        return Verdict.ForAllTraces(withHealthyTail, engine, run =>
        {
            var tailStart = run.Observations[^1].Time - (bound + 1_000) + StepMs;
            var due = run.Observations.First(o => o.Time >= tailStart + bound);
            var problems = Enumerable.Range(0, run.D.Codes.Count)
                .Where(i => (due.Codes & (1UL << i)) != 0 && run.D.Codes[i].Severity != CodeSeverity.Info)
                .Select(i => run.D.Codes[i].Id).ToList();
            if (run.Output(due, V2.Atd) != OutputLevel.High || run.Output(due, V2.Atc) != OutputLevel.High
                || run.Output(due, V2.PreAlarm) != OutputLevel.Floating || problems.Count > 0)
            {
                return $"{due.Time - tailStart} ms after every condition cleared the BMS has not recovered " +
                       $"(codes still active: {string.Join(",", problems)}) at {run.Describe(due)}";
            }
            return null;
        });
    }

    [Fact]
    [Trait("Covers", "V2-13")]
    public void Loads_and_chargers_recover_within_the_bound_once_conditions_clear_past_hysteresis() =>
        PropertyRunner.Check("recovery", EverythingRecoversOnceConditionsClear(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_load_disconnect_that_never_recovers()
    {
        var mutant = Mutants.FromSpec(
            "            to: Normal\n            when: \"!Undervoltage && !PreAlarmCondition\"",
            "            to: Normal\n            when: \"!Undervoltage && !PreAlarmCondition && false\"");
        PropertyRunner.ExpectCounterexample("recovery", EverythingRecoversOnceConditionsClear(mutant), _output, "has not recovered");
    }
}
