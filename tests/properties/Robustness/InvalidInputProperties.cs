using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Robustness;

/// <summary>
/// Invalid inputs fail safe with a code and never throw: NaN, ±∞, out-of-range, inconsistent
/// (min cell above max cell) or stale battery data floats both outputs; every invalid input
/// raises its code (or, before the first valid data, the waiting code).
/// </summary>
public sealed class InvalidInputProperties
{
    private readonly ITestOutputHelper _output;

    public InvalidInputProperties(ITestOutputHelper output) => _output = output;

    public static Property InvalidInputsFailSafeWithACode(Func<IRuleEngine> engine)
    {
        var staleAfter = SpecFacts.Timer("BatteryDataTimeout");
        return Verdict.ForAllTraces(TraceGenerators.Traces(), engine, run =>
        {
            double lastSequence = 0;
            long lastChange = 0;
            foreach (var o in run.Observations)
            {
                var sequence = run.Input(o, V2.Sequence);
                if (sequence != lastSequence)
                {
                    lastSequence = sequence;
                    lastChange = o.Time;
                }
                var stale = o.Time - lastChange >= staleAfter;
                var cellsOrTemperature = !run.Valid(o, V2.CellMin) || !run.Valid(o, V2.CellMax) || !run.Valid(o, V2.Temperature);
                var inconsistent = !cellsOrTemperature && run.Input(o, V2.CellMin) > run.Input(o, V2.CellMax);
                var supply = !run.Valid(o, V2.BatteryVoltage);
                if (cellsOrTemperature || inconsistent || supply || stale)
                {
                    if (run.Output(o, V2.Atd) != OutputLevel.Floating || run.Output(o, V2.Atc) != OutputLevel.Floating)
                    {
                        return $"invalid battery data (cells/temperature={cellsOrTemperature}, inconsistent={inconsistent}, supply={supply}, stale={stale}) " +
                               $"but an output is high at {run.Describe(o)}";
                    }
                    var waiting = run.State(o, "Health") == "NoData";
                    var expected = waiting ? "I01" : cellsOrTemperature || inconsistent ? "E01" : supply ? "E03" : "E02";
                    if (!run.Code(o, expected)) return $"invalid battery data without code {expected} at {run.Describe(o)}";
                }
                if ((!run.Valid(o, V2.RemoteL) || !run.Valid(o, V2.RemoteH)) && !run.Code(o, "W02"))
                {
                    return $"invalid remote terminal reading without code W02 at {run.Describe(o)}";
                }
                if (!run.Valid(o, V2.AuxIn) && !run.Code(o, "W03")) return $"invalid Aux-In reading without code W03 at {run.Describe(o)}";
            }
            return null;
        });
    }

    [Fact]
    public void Nan_infinite_out_of_range_and_stale_inputs_fail_safe_with_a_code_and_never_throw() =>
        PropertyRunner.Check("invalid inputs fail safe", InvalidInputsFailSafeWithACode(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_temperature_reading_that_is_trusted_when_invalid()
    {
        var mutant = Mutants.FromSpec(
            "CellMinVoltage.Valid && CellMaxVoltage.Valid && BatteryTemperature.Valid && BatteryDataSequence.Valid",
            "CellMinVoltage.Valid && CellMaxVoltage.Valid && BatteryDataSequence.Valid");
        PropertyRunner.ExpectCounterexample("invalid inputs fail safe", InvalidInputsFailSafeWithACode(mutant), _output, "but an output is high");
    }
}
