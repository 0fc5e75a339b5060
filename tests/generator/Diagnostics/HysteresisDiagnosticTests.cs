using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Thresholds and bands: hysteresis that is inverted or zero, zones that overlap or leave gaps.</summary>
public class HysteresisDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS005")]
    public void Threshold_that_trips_low_and_releases_low_is_inverted()
    {
        var spec = MinimalSpec.With("release: \">= 3.4 V\"", "release: \"<= 3.4 V\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS005", TextPosition.Of(spec, "<= 3.4 V"));
        Assert.StartsWith("Hysteresis band of 'CellLow' is inverted", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS005")]
    public void Threshold_release_below_the_highest_trip_level_of_its_setting_is_inverted()
    {
        // Trips at LowLevel (2.8 … 3.2 V): releasing at 3.1 V would never release when LowLevel is 3.2 V.
        var spec = MinimalSpec.With("release: \">= 3.4 V\"", "release: \">= 3.1 V\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS005", TextPosition.Of(spec, ">= 3.1 V"));
        Assert.Contains("lies on the tripping side", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS005")]
    public void Threshold_that_releases_at_its_trip_level_has_zero_hysteresis()
    {
        var spec = MinimalSpec.With("release: \">= 3.4 V\"", "release: \">= LowLevel\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS005", TextPosition.Of(spec, ">= LowLevel"));
        Assert.StartsWith("Hysteresis band of 'CellLow' is zero", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS005")]
    public void Band_with_zero_hysteresis_is_reported_at_the_hysteresis()
    {
        var spec = MinimalSpec.With("hysteresis: 2 °C", "hysteresis: 0 °C");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS005", TextPosition.Of(spec, "hysteresis: 0 °C", at: "0 °C"));
        Assert.StartsWith("Hysteresis band of 'Climate' is zero", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS005")]
    public void Band_with_negative_hysteresis_is_inverted()
    {
        var spec = MinimalSpec.With("hysteresis: 2 °C", "hysteresis: -2 K");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS005", TextPosition.Of(spec, "-2 K"));
        Assert.StartsWith("Hysteresis band of 'Climate' is inverted", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS006")]
    public void Zone_that_starts_before_the_previous_one_ends_overlaps_it()
    {
        var spec = MinimalSpec.With("            from: 0 °C\n", "            from: -5 °C\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS006", TextPosition.Of(spec, "-5 °C"));
        Assert.StartsWith("'Normal' overlaps 'Cold'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS006")]
    public void Hysteresis_as_wide_as_half_the_middle_zone_overlaps_it()
    {
        var spec = MinimalSpec.With("hysteresis: 2 °C", "hysteresis: 22.5 °C");
        DiagnosticAssert.Single(spec, "BMS006", TextPosition.Of(spec, "22.5 °C"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS007")]
    public void Zone_that_starts_after_the_previous_one_ends_leaves_a_gap()
    {
        var spec = MinimalSpec.With("            from: 0 °C\n", "            from: 5 °C\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS007", TextPosition.Of(spec, "from: 5 °C", at: "5 °C"));
        Assert.StartsWith("Gap between 'Cold' and 'Normal'", diagnostic.Message);
    }
}
