using System;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>
/// The board section of spec/rules.yaml: every board decision is checked at build time, at its YAML line and column,
/// so the board runtime can take its values from the generated VeBusBmsV2Board without checking them again.
/// </summary>
public class BoardDiagnosticTests
{
    private static string RulesWith(string find, string replacement) => SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), find, replacement);

    /// <summary>The spec without the lines from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    private static string RulesWithout(string from, string to)
    {
        var rules = SpecFiles.ReadRules();
        var start = rules.IndexOf(from, StringComparison.Ordinal);
        var end = rules.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"'{from}' … '{to}' not found");
        return rules[..start] + rules[end..];
    }

    [Fact]
    public void The_board_section_of_the_spec_compiles()
    {
        Assert.Empty(SpecCheck.Diagnostics(SpecFiles.ReadRules(), "rules.yaml"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS040")]
    public void An_engine_input_without_a_board_binding_is_refused()
    {
        var spec = RulesWithout("        - input: Bootloader\n", "      multi_on:\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS040", TextPosition.Of(spec, "        - input: BatteryVoltage\n          bind: adc", at: "-"));
        Assert.StartsWith("Input 'Bootloader' has no binding on the board", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS040")]
    public void An_input_fed_twice_in_one_input_mode_is_refused()
    {
        var spec = RulesWith("      multi_on:\n", "        - { input: Bootloader, bind: constant, value: true, assumption: twice }\n      multi_on:\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS040", TextPosition.Of(spec, "{ input: Bootloader, bind: constant, value: true", at: "Bootloader"));
        Assert.Equal("Input 'Bootloader' is fed twice in input mode 'BtvSignals': give each binding its own 'mode', or keep one", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS041")]
    public void A_binding_kind_that_cannot_feed_the_inputs_type_is_refused()
    {
        var spec = RulesWith("        - input: BatteryVoltage\n          bind: adc\n", "        - input: BatteryVoltage\n          bind: opto\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS041", TextPosition.Of(spec, "bind: opto\n          pin: A00", at: "opto"));
        Assert.Equal("'opto' cannot feed 'BatteryVoltage', a number input (it feeds bool inputs)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS041")]
    public void A_key_that_does_not_apply_to_the_binding_is_refused()
    {
        var spec = RulesWith("          pin: A02\n", "          pin: A02\n          active: low\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS041", TextPosition.Of(spec, "          pin: A02\n          active: low", at: "low"));
        Assert.Equal("'active' does not apply to a 'adc' binding", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS041")]
    public void The_multi_on_input_must_come_from_ve_bus()
    {
        var spec = RulesWith("        - input: MultiOn\n          bind: vebus\n", "        - input: MultiOn\n          bind: constant\n          value: true\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS041", TextPosition.Of(spec, "          bind: constant\n          value: true", at: "constant"));
        Assert.Equal("'MultiOn' is written by the MultiOn rule: bind it 'vebus', not 'constant'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS042")]
    public void A_divider_that_clips_inside_the_inputs_valid_range_is_refused()
    {
        var spec = RulesWith("          pin: A00\n          divider: { top: 220 kΩ", "          pin: A00\n          divider: { top: 100 kΩ");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS042", TextPosition.Of(spec, "          pin: A00\n", at: "A00"));
        Assert.Equal("The divider on A00 measures up to 36.2823 V but 'BatteryVoltage' is valid up to 70 V: a reading clipped at full scale could look valid",
            diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS043")]
    public void A_warm_up_grace_that_outlasts_the_watchdog_is_refused()
    {
        var spec = RulesWith("        warm_up: 5 s\n", "        warm_up: 6 s\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS043", TextPosition.Of(spec, "        warm_up: 6 s", at: "6 s"));
        Assert.StartsWith("The warm-up grace 6 s outlasts the watchdog, which may expire after 5446 ms", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS043")]
    public void A_reset_interval_above_a_quarter_of_the_timeout_is_refused()
    {
        var spec = RulesWith("        reset_interval: 1 s\n", "        reset_interval: 3 s\n");
        DiagnosticAssert.Single(spec, "BMS043", TextPosition.Of(spec, "        reset_interval: 3 s", at: "3 s"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS043")]
    public void A_stall_limit_shorter_than_two_control_periods_is_refused()
    {
        var spec = RulesWith("        period: 100 ms\n", "        period: 1500 ms\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS043", TextPosition.Of(spec, "        stall_after: 2 s", at: "2 s"));
        Assert.Equal("The stall limit 2 s must span at least two control periods", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS044")]
    public void Two_default_input_modes_are_refused()
    {
        var spec = RulesWith("        - name: BatteryMonitor\n", "        - name: BatteryMonitor\n          default: true\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS044", TextPosition.Of(spec, "        - name: BatteryMonitor\n          default: true", at: "true"));
        Assert.Equal("Input modes 'BtvSignals' and 'BatteryMonitor' are both the default; exactly one is", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS044")]
    public void No_default_input_mode_is_refused()
    {
        var spec = RulesWith("          default: true\n          settings: { UseBtvSignals: true }\n", "          settings: { UseBtvSignals: true }\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS044", TextPosition.Of(spec, "        - name: BtvSignals", at: "-"));
        Assert.StartsWith("No input mode is the default", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS044")]
    public void A_mode_setting_value_that_does_not_fit_the_setting_is_refused()
    {
        var spec = RulesWith("settings: { UseBtvSignals: false }", "settings: { UseBtvSignals: off }");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS044", TextPosition.Of(spec, "settings: { UseBtvSignals: off }", at: "off"));
        Assert.Equal("Setting 'UseBtvSignals' is a bool: true or false, not 'off'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS045")]
    public void A_fail_safe_conversion_stated_differently_from_what_the_board_does_is_refused()
    {
        var spec = RulesWith("        - kind: sensor-exception\n          reads: NaN\n", "        - kind: sensor-exception\n          reads: \"0\"\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS045", TextPosition.Of(spec, "reads: \"0\"", at: "0"));
        Assert.Equal("The board turns sensor-exception into NaN; the spec says '0'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS045")]
    public void A_fail_safe_conversion_the_board_applies_but_the_spec_omits_is_refused()
    {
        var spec = RulesWithout("        - kind: bool-nan\n", "      frames:\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS045", TextPosition.Of(spec, "        - kind: sensor-exception", at: "-"));
        Assert.Equal("The board applies 'bool-nan' (the engine reads false) but the spec does not state it", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS011")]
    public void A_board_binding_without_source_or_assumption_is_refused()
    {
        var spec = RulesWith("          assumption: \"The only engine input the bus provides; see multi_on.\"\n", "");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS011", TextPosition.Of(spec, "        - input: MultiOn\n", at: "MultiOn"));
        Assert.Equal("Board input 'MultiOn' has neither source: nor assumption:", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS014")]
    public void A_board_rule_that_does_not_say_what_the_simulator_does_is_refused()
    {
        var rules = SpecFiles.ReadRules();
        var start = rules.IndexOf("        simulator: \"None: a simulated step cannot stall", StringComparison.Ordinal);
        var spec = rules[..start] + rules[(rules.IndexOf('\n', start) + 1)..];
        var diagnostic = DiagnosticAssert.Single(spec, "BMS014", TextPosition.Of(spec, "      watchdog:\n        timeout: 8 s", at: "timeout"));
        Assert.StartsWith("Board rule 'watchdog' (say what the simulator does", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void A_binding_limited_to_an_unknown_input_mode_is_an_unknown_name()
    {
        var spec = RulesWith("          pin: D14\n          active: low\n          mode: BtvSignals\n", "          pin: D14\n          active: low\n          mode: Btv\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "mode: Btv\n", at: "Btv"));
        Assert.Equal("Unknown name 'Btv'; expected an input mode of the board", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS015")]
    public void A_pin_bound_twice_is_a_duplicate()
    {
        var spec = RulesWith("          pin: A03\n", "          pin: A02\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS015", TextPosition.Of(spec, "          pin: A02\n          divider: { top: 220 kΩ, bottom: 10 kΩ }\n          description: Aux-In", at: "A02"));
        Assert.Equal("'A02' is already defined (as the pin of 'RemoteHVoltage')", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void A_multi_on_rule_the_board_does_not_implement_is_refused()
    {
        var spec = RulesWith("        rule: vebus-sync\n", "        rule: state-frame\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "rule: state-frame", at: "state-frame"));
        Assert.StartsWith("The board has one MultiOn rule, 'vebus-sync'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS004")]
    public void A_divider_resistor_in_the_wrong_unit_is_refused()
    {
        var spec = RulesWith("          pin: A03\n          divider: { top: 220 kΩ", "          pin: A03\n          divider: { top: 220 mV");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS004", TextPosition.Of(spec, "220 mV"));
        Assert.Contains("needs ohms", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS013")]
    public void An_unknown_key_in_the_board_section_is_refused()
    {
        var spec = RulesWith("      control:\n        period: 100 ms\n", "      control:\n        period: 100 ms\n        jitter: 1 ms\n");
        DiagnosticAssert.Single(spec, "BMS013", TextPosition.Of(spec, "jitter: 1 ms", at: "jitter"));
    }

    [Fact]
    public void Frames_sent_only_at_their_interval_compile_and_reach_the_generated_board()
    {
        var spec = RulesWith("        on_flag_change: immediate\n", "        on_flag_change: next-interval\n");
        var result = GeneratorHarness.Run(spec, "rules.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.Contains("public const bool SendOnFlagChange = false;", GeneratorHarness.Source(result, "VeBusBmsV2Board.g.cs"));
    }

    [Fact]
    public void A_spec_without_a_board_section_generates_no_board_class()
    {
        var result = GeneratorHarness.Run(MinimalSpec.Text, MinimalSpec.FileName);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.EndsWith("Board.g.cs", StringComparison.Ordinal));
    }
}
