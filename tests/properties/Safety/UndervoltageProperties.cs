using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Safety;

/// <summary>
/// Load disconnect for cell undervoltage: always announced by at least 30 s of continuous
/// pre-alarm, and never withheld longer than that while the undervoltage persists.
/// </summary>
public sealed class UndervoltageProperties
{
    // 001 §1 Pre-alarm: "The minimum delay between pre-alarm and load disconnect is 30 seconds."
    private const long PreAlarmMinimumMs = 30_000;
    // 001 §5.2 LED indications: "Cell > 2.8V".
    private const double CellUndervoltage = 2.80;

    private static readonly TraceGenerators.Options Analog = new();
    private readonly ITestOutputHelper _output;

    public UndervoltageProperties(ITestOutputHelper output) => _output = output;

    public static Property EveryUndervoltageDisconnectFollows30SecondsOfPreAlarm(Func<IRuleEngine> engine) =>
        Verdict.ForAllTraces(TraceGenerators.Traces(Analog), engine, run =>
        {
            long? preAlarmSince = null;
            Observation? previous = null;
            foreach (var o in run.Observations)
            {
                var preAlarm = run.Output(o, V2.PreAlarm) == OutputLevel.High;
                if (!preAlarm) preAlarmSince = null;
                else preAlarmSince ??= o.Time;

                var disconnected = previous is not null && run.Output(previous, V2.Atd) == OutputLevel.High
                                   && run.Output(o, V2.Atd) == OutputLevel.Floating;
                if (disconnected && run.State(o, "Discharge") == "LoadDisconnected")
                {
                    // The pre-alarm must have been high since at least 30 s before this step, without a break.
                    var warned = preAlarmSince is null ? 0 : o.Time - preAlarmSince.Value;
                    if (previous is null || run.Output(previous, V2.PreAlarm) != OutputLevel.High || warned < PreAlarmMinimumMs)
                    {
                        return $"loads disconnected for undervoltage after only {warned} ms of pre-alarm at {run.Describe(o)}";
                    }
                }
                previous = o;
            }
            return null;
        });

    public static Property PersistentUndervoltageEndsInLoadDisconnectWithin30Seconds(Func<IRuleEngine> engine) =>
        Verdict.ForAllTraces(TraceGenerators.Traces(Analog), engine, run =>
        {
            long? since = null;
            foreach (var o in run.Observations)
            {
                var undervoltage = run.Valid(o, V2.CellMin) && run.Input(o, V2.CellMin) <= CellUndervoltage
                                   && run.State(o, "System") == "On" && run.State(o, "Health") == "Ok";
                if (!undervoltage)
                {
                    since = null;
                    continue;
                }
                since ??= o.Time;
                if (o.Time - since.Value >= PreAlarmMinimumMs && run.Output(o, V2.Atd) != OutputLevel.Floating)
                {
                    return $"undervoltage persisted {o.Time - since.Value} ms but loads still connected at {run.Describe(o)}";
                }
            }
            return null;
        });

    [Fact]
    [Trait("Covers", "V2-01")]
    public void Every_undervoltage_load_disconnect_is_preceded_by_30_seconds_of_continuous_pre_alarm() =>
        PropertyRunner.Check("pre-alarm ≥ 30 s before every undervoltage disconnect", EveryUndervoltageDisconnectFollows30SecondsOfPreAlarm(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_pre_alarm_delay_shortened_to_10_seconds()
    {
        var mutant = Mutants.FromSpec("      - name: PreAlarmMinimum\n        duration: 30 s", "      - name: PreAlarmMinimum\n        duration: 10 s");
        PropertyRunner.ExpectCounterexample("pre-alarm ≥ 30 s", EveryUndervoltageDisconnectFollows30SecondsOfPreAlarm(mutant), _output, "after only");
    }

    [Fact]
    [Trait("Covers", "V2-02")]
    public void Persistent_undervoltage_always_ends_in_load_disconnect_within_30_seconds() =>
        PropertyRunner.Check("persistent undervoltage disconnects within 30 s", PersistentUndervoltageEndsInLoadDisconnectWithin30Seconds(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_an_undervoltage_that_never_disconnects()
    {
        var mutant = Mutants.FromSpec(
            "            to: LoadDisconnected\n            when: \"Undervoltage\"\n            after: PreAlarmMinimum",
            "            to: LoadDisconnected\n            when: \"Undervoltage && false\"\n            after: PreAlarmMinimum");
        PropertyRunner.ExpectCounterexample("persistent undervoltage disconnects", PersistentUndervoltageEndsInLoadDisconnectWithin30Seconds(mutant), _output, "loads still connected");
    }
}
