using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Truth tables (value tables and LEDs) must match every column combination exactly once.</summary>
public class TableDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS008")]
    public void Table_missing_a_combination_is_incomplete_at_its_name()
    {
        var spec = MinimalSpec.Without("          - { LoadOn: false, Warm: false, then: Battery }\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS008", TextPosition.Of(spec, "- name: Source", at: "Source"));
        Assert.Equal("Truth table 'Source' has no row for LoadOn=false, Warm=false", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS008")]
    public void Led_missing_a_combination_is_incomplete_at_its_name()
    {
        var spec = MinimalSpec.Without("          - { IsOn: false, then: Off }\n");
        DiagnosticAssert.Single(spec, "BMS008", TextPosition.Of(spec, "- name: StatusLed", at: "StatusLed"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS009")]
    public void Row_that_matches_a_combination_an_earlier_row_matches_is_ambiguous_at_the_later_row()
    {
        var spec = MinimalSpec.With(
            "          - { LoadOn: false, Warm: true, then: Mains }\n",
            "          - { LoadOn: false, Warm: true, then: Mains }\n          - { LoadOn: true, Warm: true, then: Mains }\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS009", TextPosition.Of(spec, "{ LoadOn: true, Warm: true"));
        Assert.Equal("Truth table 'Source': rows 1 and 3 both match LoadOn=true, Warm=true", diagnostic.Message);
    }
}
