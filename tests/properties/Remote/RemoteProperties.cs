using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Remote;

/// <summary>
/// Remote on/off (001 §8, 000): ON when L and H are interconnected, or L &lt; 3.5 V, or
/// 2.9 V &lt; V_H &lt; V_bat; OFF otherwise. OFF floats both outputs and holds the Multi in low power.
/// </summary>
public sealed class RemoteProperties
{
    private readonly ITestOutputHelper _output;

    public RemoteProperties(ITestOutputHelper output) => _output = output;

    /// <summary>The three documented ON modes, from the raw inputs (an unreadable terminal cannot say ON).</summary>
    public static bool DocumentedRemoteOn(TraceRun run, Observation o)
    {
        var loop = run.Input(o, V2.RemoteLoop) != 0;
        var lLow = run.Valid(o, V2.RemoteL) && run.Input(o, V2.RemoteL) < 3.5;
        var hHigh = run.Valid(o, V2.RemoteH) && run.Valid(o, V2.BatteryVoltage)
                    && 2.9 < run.Input(o, V2.RemoteH) && run.Input(o, V2.RemoteH) < run.Input(o, V2.BatteryVoltage);
        return loop || lLow || hHigh;
    }

    public static Property RemoteDecodingMatchesTheThreeOnModes(Func<IRuleEngine> engine) =>
        Verdict.EveryStep(TraceGenerators.Traces(), engine, (run, o) =>
        {
            var expected = DocumentedRemoteOn(run, o);
            return run.Condition(o, "RemoteOn") == expected
                ? null
                : $"remote decoded {(expected ? "OFF" : "ON")}, documented modes say {(expected ? "ON" : "OFF")}: " +
                  $"loop={run.Input(o, V2.RemoteLoop)} L={run.Input(o, V2.RemoteL)} V H={run.Input(o, V2.RemoteH)} V " +
                  $"Vbat={run.Input(o, V2.BatteryVoltage)} V at {run.Describe(o)}";
        });

    public static Property RemoteOffFloatsBothOutputsAndHoldsTheMultiInLowPower(Func<IRuleEngine> engine) =>
        Verdict.EveryStep(TraceGenerators.Traces(), engine, (run, o) =>
        {
            var safe = run.Output(o, V2.Atd) == OutputLevel.Floating && run.Output(o, V2.Atc) == OutputLevel.Floating && run.Flag(o, "HoldMultiLowPower");
            return DocumentedRemoteOn(run, o) || safe
                ? null
                : $"remote OFF but ATD={run.Output(o, V2.Atd)} ATC={run.Output(o, V2.Atc)} HoldMultiLowPower={run.Flag(o, "HoldMultiLowPower")} at {run.Describe(o)}";
        });

    [Fact]
    [Trait("Covers", "V2-07")]
    public void Remote_decoding_matches_the_three_documented_on_modes_exactly() =>
        PropertyRunner.Check("remote decoding = documented modes", RemoteDecodingMatchesTheThreeOnModes(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_the_remote_L_threshold_moved_to_3_volts()
    {
        var mutant = Mutants.FromSpec("when: \"RemoteLVoltage < 3.5 V\"", "when: \"RemoteLVoltage < 3.0 V\"");
        PropertyRunner.ExpectCounterexample("remote decoding", RemoteDecodingMatchesTheThreeOnModes(mutant), _output, "documented modes say");
    }

    [Fact]
    [Trait("Covers", "V2-08")]
    public void Remote_off_floats_both_outputs_and_holds_the_multi_in_low_power() =>
        PropertyRunner.Check("remote OFF ⇒ outputs floating, Multi low power", RemoteOffFloatsBothOutputsAndHoldsTheMultiInLowPower(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_remote_that_cannot_switch_the_bms_off()
    {
        var mutant = Mutants.FromSpec(
            "            from: On\n            to: Off\n            when: \"!RemoteOn\"",
            "            from: On\n            to: Off\n            when: \"!RemoteOn && false\"");
        PropertyRunner.ExpectCounterexample("remote OFF", RemoteOffFloatsBothOutputsAndHoldsTheMultiInLowPower(mutant), _output, "remote OFF but");
    }
}
