using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Numbers and their units: missing, wrong, timers without a time unit, defaults outside their range.</summary>
public class QuantityDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS003")]
    public void Release_level_without_a_unit_is_reported_at_the_number_inside_the_quotes()
    {
        var spec = MinimalSpec.With("release: \">= 3.4 V\"", "release: \">= 3.4\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS003", TextPosition.Of(spec, "3.4\""));
        Assert.Contains("volts", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS003")]
    public void Number_input_without_a_unit_is_reported_at_its_name()
    {
        var spec = MinimalSpec.Without("        unit: °C\n");
        // The range keeps its °C, which now has no input unit to convert to; only the missing unit is reported.
        DiagnosticAssert.Single(spec, "BMS003", TextPosition.Of(spec, "- name: Temperature", at: "Temperature"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS004")]
    public void Release_level_in_amperes_on_a_voltage_input_is_a_wrong_unit_at_the_number()
    {
        var spec = MinimalSpec.With("release: \">= 3.4 V\"", "release: \">= 3.4 A\"");
        DiagnosticAssert.Single(spec, "BMS004", TextPosition.Of(spec, "3.4 A"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS004")]
    public void Comparison_with_a_temperature_in_volts_is_a_wrong_unit_at_the_number()
    {
        var spec = MinimalSpec.With("\"Temperature > 20 °C\"", "\"Temperature > 20 V\"");
        DiagnosticAssert.Single(spec, "BMS004", TextPosition.Of(spec, "20 V"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS010")]
    public void Timer_duration_without_a_unit_is_reported_at_the_duration()
    {
        var spec = MinimalSpec.With("duration: 2 s", "duration: 2");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS010", TextPosition.Of(spec, "duration: 2", at: "2"));
        Assert.Equal("Timer 'Debounce' duration '2' has no time unit (ms, s, min or h)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS012")]
    public void Setting_default_below_its_min_is_reported_at_the_default()
    {
        var spec = MinimalSpec.With("default: 3.0 V", "default: 2.5 V");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS012", TextPosition.Of(spec, "default: 2.5 V", at: "2.5 V"));
        Assert.Equal("Setting 'LowLevel' default 2.5 V is outside its range 2.8 V … 3.2 V", diagnostic.Message);
    }
}
