using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Safety;

/// <summary>
/// Charging is never allowed at a cell overvoltage or outside the charge temperature range:
/// the charge disconnect (ATC) floats and the VE.Bus/GX 'allow to charge' is off in the same step.
/// </summary>
public sealed class ChargeProtectionProperties
{
    // 001 §5.2 / 000 LED indicators: "Cell > 4V". 002 §5.2: "temperature below 5 °C".
    private const double CellOvervoltage = 4.00;
    private const double LowChargeTemperature = 5.0;

    private static readonly TraceGenerators.Options Analog = new();
    private readonly ITestOutputHelper _output;

    public ChargeProtectionProperties(ITestOutputHelper output) => _output = output;

    public static Property ChargeNeverAllowedAtOrAbove4Volts(Func<IRuleEngine> engine) =>
        Verdict.EveryStep(TraceGenerators.Traces(Analog), engine, (run, o) =>
            run.Valid(o, V2.CellMax) && run.Input(o, V2.CellMax) >= CellOvervoltage && ChargingAllowed(run, o)
                ? $"CellMaxVoltage={run.Input(o, V2.CellMax)} V but charging allowed at {run.Describe(o)}"
                : null);

    private static bool ChargingAllowed(TraceRun run, Observation o) =>
        run.Output(o, V2.Atc) != OutputLevel.Floating || run.Flag(o, "AllowToCharge");

    public static Property ChargeNeverAllowedBelow5DegreesOrAboveTheHighLimit(Func<IRuleEngine> engine)
    {
        var highLimit = SpecFacts.Band("ChargeTemperature").Boundaries[^1];
        return Verdict.EveryStep(TraceGenerators.Traces(Analog), engine, (run, o) =>
        {
            var t = run.Input(o, V2.Temperature);
            var outside = run.Valid(o, V2.Temperature) && (t < LowChargeTemperature || t >= highLimit);
            return outside && ChargingAllowed(run, o) ? $"BatteryTemperature={t} °C but charging allowed at {run.Describe(o)}" : null;
        });
    }

    public static Property BtvNotAllowedToChargeStopsChargingInTheSameStep(Func<IRuleEngine> engine) =>
        Verdict.EveryStep(TraceGenerators.Traces(new TraceGenerators.Options { BtvMode = true }), engine, (run, o) =>
            run.Setting("UseBtvSignals") != 0 && run.Input(o, V2.BtvAllowCharge) == 0 && ChargingAllowed(run, o)
                ? $"the batteries' BTV signal says not allowed to charge but charging allowed at {run.Describe(o)}"
                : null);

    [Fact]
    [Trait("Covers", "V2-03")]
    public void Charge_is_never_allowed_while_a_cell_is_at_or_above_4_volts() =>
        PropertyRunner.Check("charge never allowed at ≥ 4.00 V", ChargeNeverAllowedAtOrAbove4Volts(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_the_overvoltage_trip_moved_to_4_10_volts()
    {
        var mutant = Mutants.FromSpec("trip: \">= 4.00 V\"", "trip: \">= 4.10 V\"");
        PropertyRunner.ExpectCounterexample("charge never allowed at ≥ 4.00 V", ChargeNeverAllowedAtOrAbove4Volts(mutant), _output, "charging allowed");
    }

    [Fact]
    [Trait("Covers", "V2-03")]
    public void Charge_is_never_allowed_below_5_degrees_or_above_the_high_limit() =>
        PropertyRunner.Check("charge never allowed outside 5 °C … high limit", ChargeNeverAllowedBelow5DegreesOrAboveTheHighLimit(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_the_low_temperature_limit_moved_to_3_degrees()
    {
        var mutant = Mutants.FromSpec(
            "          - name: TooCold\n            to: 5 °C\n          - name: Normal\n            from: 5 °C",
            "          - name: TooCold\n            to: 3 °C\n          - name: Normal\n            from: 3 °C");
        PropertyRunner.ExpectCounterexample("charge never allowed outside 5 °C … high limit", ChargeNeverAllowedBelow5DegreesOrAboveTheHighLimit(mutant), _output, "charging allowed");
    }

    [Fact]
    [Trait("Covers", "V2-03")]
    public void Charge_stops_in_the_same_step_the_btv_signal_withdraws_permission() =>
        PropertyRunner.Check("BTV allow-to-charge off ⇒ charging stopped", BtvNotAllowedToChargeStopsChargingInTheSameStep(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_btv_charge_signal_that_is_ignored()
    {
        var mutant = Mutants.FromSpec(
            "when: \"(UseBtvSignals && !BtvAllowCharge) || (!UseBtvSignals && CellOvervoltage)\"",
            "when: \"!UseBtvSignals && CellOvervoltage\"");
        PropertyRunner.ExpectCounterexample("BTV charge signal", BtvNotAllowedToChargeStopsChargingInTheSameStep(mutant), _output, "charging allowed");
    }
}
