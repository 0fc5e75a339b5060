using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Indicators;

/// <summary>
/// Each LED equals its documented truth table (001 §1 LED indicators, §5.2 LED indications), and
/// blinks with the documented timing from the moment its pattern starts.
/// </summary>
public sealed class LedProperties
{
    private readonly ITestOutputHelper _output;

    public LedProperties(ITestOutputHelper output) => _output = output;

    /// <summary>Status (blue): rapid flash in the boot loader; short flash while on and the Multi is on; else off.</summary>
    private static string StatusLed(TraceRun run, Observation o)
    {
        var system = run.State(o, "System");
        if (system == "BootloaderActive") return "RapidFlash";
        return system == "On" && run.Input(o, V2.MultiOn) != 0 ? "ShortFlash" : "Off";
    }

    /// <summary>Cell &gt; 2.8 V (blue): on when ATD is high and the cells are above 2.8 V.</summary>
    private static string CellAbove2V8Led(TraceRun run, Observation o) =>
        run.Output(o, V2.Atd) == OutputLevel.High && !run.Condition(o, "Undervoltage") ? "On" : "Off";

    /// <summary>Cell &gt; 4 V (red): on when ATC is low because of cell overvoltage or (high) temperature.</summary>
    private static string CellAbove4VLed(TraceRun run, Observation o) =>
        run.State(o, "System") == "On" && run.Output(o, V2.Atc) == OutputLevel.Floating
        && (run.Condition(o, "HighCell") || run.Condition(o, "TooHot")) ? "On" : "Off";

    public static Property EachLedEqualsItsTruthTable(Func<IRuleEngine> engine)
    {
        var flashPeriod = SpecFacts.Timer("StatusFlashPeriod");
        var flashOn = SpecFacts.Timer("StatusFlashOn");
        var rapidPeriod = SpecFacts.Timer("BootloaderFlashPeriod");
        var rapidOn = SpecFacts.Timer("BootloaderFlashOn");
        return Verdict.ForAllTraces(TraceGenerators.Traces(new TraceGenerators.Options { BtvMode = true }), engine, run =>
        {
            string? lastStatus = null;
            long statusSince = 0;
            foreach (var o in run.Observations)
            {
                foreach (var (led, expected) in new[]
                         {
                             ("StatusLed", StatusLed(run, o)), ("CellAbove2V8Led", CellAbove2V8Led(run, o)), ("CellAbove4VLed", CellAbove4VLed(run, o)),
                         })
                {
                    var actual = run.Table(o, led);
                    if (actual != expected) return $"{led} shows {actual}, its truth table says {expected} at {run.Describe(o)}";
                    var lit = o.Lit[run.D.Table(led)];
                    if (led != "StatusLed" && lit != (expected == "On")) return $"{led} pattern {expected} but lit={lit} at {run.Describe(o)}";
                }

                var status = StatusLed(run, o);
                if (status != lastStatus) statusSince = o.Time;
                lastStatus = status;
                var phase = o.Time - statusSince;
                var expectedLit = status switch
                {
                    "ShortFlash" => phase % flashPeriod < flashOn,
                    "RapidFlash" => phase % rapidPeriod < rapidOn,
                    _ => false,
                };
                if (o.Lit[run.D.Table("StatusLed")] != expectedLit)
                {
                    return $"StatusLed {status} {phase} ms into its pattern: lit should be {expectedLit} at {run.Describe(o)}";
                }
            }
            return null;
        });
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    [Trait("Covers", "V2-11")]
    [Trait("Covers", "V2-12")]
    public void Each_led_equals_its_truth_table_and_blink_timing() =>
        PropertyRunner.Check("LEDs = truth tables", EachLedEqualsItsTruthTable(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_status_led_row_that_stays_dark_in_normal_operation()
    {
        var mutant = Mutants.FromSpec(
            "{ InBootloader: false, BmsOn: true, MultiOn: true, then: ShortFlash }",
            "{ InBootloader: false, BmsOn: true, MultiOn: true, then: Off }");
        PropertyRunner.ExpectCounterexample("LEDs", EachLedEqualsItsTruthTable(mutant), _output, "its truth table says");
    }
}
