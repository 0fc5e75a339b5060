using System;
using System.Linq;
using System.Reflection;
using BmsRules.Baseline;
using BmsRules.Products.VeBusBmsV2;
using Xunit;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>
/// The generated V2 engine and the hand-written baseline (<see cref="HandWrittenV2"/>) must agree on
/// every field at every step of thousands of random traces. This keeps the benchmark baseline honest
/// (it really implements the same rules) and checks the generator against an independent reading of the spec.
/// </summary>
public sealed class HandWrittenBaselineDifferentialTests
{
    /// <summary>The reproducible seed every run uses; the theory adds a few more.</summary>
    private const int FixedSeed = 20_240_601;

    private const int TracesPerSeed = 800;
    private const int MinSteps = 200;
    private const int MaxSteps = 700;

    [Theory]
    [InlineData(FixedSeed)]
    [InlineData(1)]
    [InlineData(7_919)]
    [InlineData(424_242)]
    public void Generated_engine_and_hand_written_baseline_agree_at_every_step_of_random_traces(int seed)
    {
        var mismatch = DifferentialRun.FirstMismatch(seed, TracesPerSeed, MinSteps, MaxSteps);
        Assert.True(mismatch is null, mismatch);
    }

    [Fact]
    public void Random_traces_reach_every_state_zone_led_pattern_table_value_and_code()
    {
        var coverage = new TraceCoverage();
        DifferentialRun.FirstMismatch(FixedSeed, TracesPerSeed, MinSteps, MaxSteps, coverage);

        var expected = Enum.GetNames<SystemState>().Select(n => $"System.{n}")
            .Concat(Enum.GetNames<HealthState>().Select(n => $"Health.{n}"))
            .Concat(Enum.GetNames<DischargeState>().Select(n => $"Discharge.{n}"))
            .Concat(Enum.GetNames<ChargeTemperatureZone>().Select(n => $"ChargeTemperature.{n}"))
            .Concat(Enum.GetNames<GxPowSource>().Select(n => $"GxPowSource.{n}"))
            .Concat(Enum.GetNames<CellAbove2V8LedPattern>().Select(n => $"CellAbove2V8Led.{n}"))
            .Concat(Enum.GetNames<CellAbove4VLedPattern>().Select(n => $"CellAbove4VLed.{n}"))
            .Concat(Enum.GetNames<VeBusBmsV2Code>().Where(n => n != nameof(VeBusBmsV2Code.None)).Select(n => $"Code.{n}"))
            .Concat(Enumerable.Range(0, VeBusBmsV2Engine.Info.Codes.Count).Select(bit => $"ActiveCode.{bit}"))
            .Concat(new[]
            {
                "StatusLed.Off.dark", "StatusLed.ShortFlash.lit", "StatusLed.ShortFlash.dark",
                "StatusLed.RapidFlash.lit", "StatusLed.RapidFlash.dark",
                "SupplyCurrent.1.5", "SupplyCurrent.2", "SupplyCurrent.10",
                "LoadDisconnect.High", "ChargeDisconnect.High", "PreAlarm.High", "ChargeReduction",
            });

        var missing = expected.Where(e => !coverage.Seen.Contains(e)).ToArray();
        Assert.True(missing.Length == 0, "never reached: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_baseline_with_a_different_pre_alarm_level_is_caught_with_the_step_inputs_and_both_results()
    {
        var wrong = VeBusBmsV2Settings.Default;
        wrong.PreAlarmLevel = 2.95;

        var mismatch = DifferentialRun.FirstMismatch(FixedSeed, TracesPerSeed, MinSteps, MaxSteps, baselineSettings: wrong);

        Assert.NotNull(mismatch);
        Assert.Contains("results differ at step", mismatch, StringComparison.Ordinal);
        Assert.Contains("inputs: CellMin=", mismatch, StringComparison.Ordinal);
        Assert.Contains("<-- differs", mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public void Hand_written_result_has_exactly_the_fields_of_the_generated_outputs()
    {
        var generated = typeof(VeBusBmsV2Outputs).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.Name, p.PropertyType)).OrderBy(p => p.Name, StringComparer.Ordinal);
        var handWritten = typeof(HandWrittenV2Result).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.Name, p.PropertyType)).OrderBy(p => p.Name, StringComparer.Ordinal);

        Assert.Equal(generated, handWritten);
    }

    [Fact]
    public void Comparison_notices_a_difference_in_any_single_field()
    {
        var outputs = new VeBusBmsV2Engine().Step(
            new VeBusBmsV2Inputs(3.3, 3.35, 25, 1, 26.4, true, 0, 0, 0, true, false, true, true, false), 0);
        var properties = typeof(HandWrittenV2Result).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.NotEmpty(properties);

        foreach (var property in properties)
        {
            object copy = new HandWrittenV2Result();
            foreach (var p in properties) p.SetValue(copy, typeof(VeBusBmsV2Outputs).GetProperty(p.Name)!.GetValue(outputs));
            Assert.True(V2ResultComparison.Same(outputs, (HandWrittenV2Result)copy), "an exact copy must compare equal");

            property.SetValue(copy, Different(property.GetValue(copy)!));
            Assert.False(V2ResultComparison.Same(outputs, (HandWrittenV2Result)copy), $"a different {property.Name} went unnoticed");
        }
    }

    private static object Different(object value) => value switch
    {
        bool b => !b,
        double d => d + 1,
        ulong u => u ^ 1UL,
        Enum e => Enum.ToObject(e.GetType(), Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) == 0 ? 1 : 0),
        _ => throw new NotSupportedException($"No different value for {value.GetType()}."),
    };
}
