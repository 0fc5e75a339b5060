using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>The provisional VE.Bus BMS frame section of spec/rules.yaml.</summary>
public class VeBusDiagnosticTests
{
    private static string RulesWith(string find, string replacement) => SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), find, replacement);

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void A_frame_layout_not_marked_provisional_is_refused()
    {
        var spec = RulesWith("      provisional: true\n", "      provisional: false\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "provisional: false", at: "false"));
        Assert.Contains("must say 'provisional: true'", diagnostic.Message);
    }

    [Fact]
    public void A_layout_confirmed_by_sources_alone_may_drop_provisional()
    {
        var rules = SpecFiles.ReadRules();
        var start = rules.IndexOf("      assumption: >-\n        Provisional until a bus capture", System.StringComparison.Ordinal);
        var end = rules.IndexOf("      covers: [V2-21", start, System.StringComparison.Ordinal);
        var spec = SpecFiles.ReplaceOnce(rules[..start] + rules[end..], "      provisional: true\n", "      provisional: false\n");
        Assert.Empty(SpecCheck.Diagnostics(spec, "rules.yaml"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS006")]
    public void Two_fields_on_the_same_bit_overlap()
    {
        var spec = RulesWith("{ name: ChargeReduction, flag: ChargeReduction, byte: 0, bit: 2 }", "{ name: ChargeReduction, flag: ChargeReduction, byte: 0, bit: 1 }");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS006", TextPosition.Of(spec, "name: ChargeReduction, flag", at: "ChargeReduction"));
        Assert.StartsWith("'ChargeReduction' overlaps 'AllowToDischarge'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS006")]
    public void A_constant_over_a_flag_bit_overlaps_it()
    {
        var spec = RulesWith("{ name: Version, value: 1146100, byte: 1, bytes: 3 }", "{ name: Version, value: 1146100, byte: 0, bytes: 3 }");
        DiagnosticAssert.Single(spec, "BMS006", TextPosition.Of(spec, "name: Version", at: "Version"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void A_field_carrying_an_unknown_flag_is_an_unknown_name()
    {
        var spec = RulesWith("flag: ChargeReduction, byte: 0", "flag: ChargeReductionOn, byte: 0");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "ChargeReductionOn"));
        Assert.Contains("expected a flag", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void A_version_that_does_not_fit_its_bytes_is_refused()
    {
        var spec = RulesWith("value: 1146100, byte: 1, bytes: 3", "value: 1146100, byte: 1, bytes: 2");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "value: 1146100, byte: 1, bytes: 2", at: "1146100"));
        Assert.Contains("does not fit in 2 byte(s)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void An_address_that_is_not_two_hex_bytes_is_refused()
    {
        var spec = RulesWith("      address: \"83 83\"", "      address: \"8383\"");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "8383"));
    }
}
