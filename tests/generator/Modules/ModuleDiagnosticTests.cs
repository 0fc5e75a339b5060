using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Modules;

/// <summary>
/// Every way a use of modules can go wrong is a located diagnostic: each test changes one line of the modules
/// fixture and expects exactly one diagnostic, at its line and column.
/// </summary>
public class ModuleDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS023")]
    public void Yaml_merge_key_is_rejected_with_a_pointer_to_modules()
    {
        var spec = ModulesSpec.With("      - name: AllowLoad\n", "      - <<: { when: \"Load\" }\n        name: AllowLoad\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS023", TextPosition.Of(spec, "<<: {"));
        Assert.Equal("YAML merge keys ('<<') are not supported in a flag: share rules between products with modules ('modules:' and 'use:', see docs/spec-format.md)",
            diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS023")]
    public void Yaml_merge_key_of_an_anchored_product_is_rejected_where_it_is_written()
    {
        var spec = ModulesSpec.With("  - id: LargeBms\n", "  - <<: *small\n    id: LargeBms\n").Replace("  - id: SmallBms\n", "  - &small\n    id: SmallBms\n");
        DiagnosticAssert.Single(spec, "BMS023", TextPosition.Of(spec, "<<: *small"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS024")]
    public void Use_of_an_unknown_module_is_reported_at_its_name_with_a_suggestion()
    {
        var spec = ModulesSpec.With("    source: \"Bms-manual §1\"\n    use: [CellCore]", "    source: \"Bms-manual §1\"\n    use: [CelCore]");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS024", TextPosition.Of(spec, "[CelCore]", at: "CelCore"));
        Assert.Equal("Unknown module 'CelCore'; declared modules: CellCore (did you mean 'CellCore'?)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS024")]
    public void A_module_used_twice_is_reported_at_the_second_use()
    {
        var spec = ModulesSpec.With("    source: \"Bms-manual §1\"\n    use: [CellCore]", "    source: \"Bms-manual §1\"\n    use: [CellCore, CellCore]");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS024", TextPosition.Of(spec, "CellCore, CellCore]", at: " CellCore]") with { Column = TextPosition.Of(spec, "CellCore, CellCore]").Column + 10 });
        Assert.Equal("Module 'CellCore' is already used here", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS025")]
    public void Modules_that_use_each_other_are_a_cycle_reported_where_it_closes()
    {
        var spec = ModulesSpec.With("  - id: CellCore\n", "  - id: Base\n    use: [CellCore]\n  - id: CellCore\n    use: [Base]\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS025", TextPosition.Of(spec, "id: Base\n    use: [CellCore]", at: "CellCore"));
        Assert.Equal("Modules use each other in a cycle: CellCore → Base → CellCore", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS026")]
    public void Override_of_a_name_no_module_has_is_reported_at_the_name()
    {
        var spec = ModulesSpec.With("      - name: CellLow\n        override: true", "      - name: CellLo\n        override: true");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS026", TextPosition.Of(spec, "- name: CellLo\n", at: "CellLo"));
        Assert.Equal("Threshold 'CellLo' overrides nothing: no module LargeBms uses (CellCore) has a threshold 'CellLo' (did you mean 'CellLow'?)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS026")]
    public void Override_of_a_transition_the_module_s_machine_does_not_have_is_reported_at_the_trigger()
    {
        var spec = ModulesSpec.With("          - trigger: SwitchOn\n            override: true", "          - trigger: SwitchedOn\n            override: true");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS026", TextPosition.Of(spec, "trigger: SwitchedOn", at: "SwitchedOn"));
        Assert.Equal("Transition 'SwitchedOn' overrides nothing: machine 'Mode' from module CellCore has no transition with that trigger (did you mean 'SwitchOn'?)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS026")]
    public void Extension_of_a_machine_no_module_has_is_reported_at_its_name()
    {
        var spec = ModulesSpec.With("      - name: Mode\n        extend: true", "      - name: Mood\n        extend: true");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS026", TextPosition.Of(spec, "name: Mood", at: "Mood"));
        Assert.StartsWith("Machine 'Mood' extends nothing: no module LargeBms uses (CellCore) has a machine 'Mood'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS027")]
    public void A_product_entry_named_like_a_module_entry_without_override_is_reported_at_its_name()
    {
        var spec = ModulesSpec.With("      - name: CellLow\n        override: true\n", "      - name: CellLow\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS027", TextPosition.Of(spec, "- name: CellLow\n        input: CellVoltage\n        trip: \"<= 2.9 V\"", at: "CellLow"));
        var module = TextPosition.Of(spec, "- name: CellLow\n        input: CellVoltage\n        trip: \"<= 3.0 V\"", at: "CellLow");
        Assert.Equal($"Threshold 'CellLow' is already defined by module CellCore (line {module.Line}); to replace it, mark this entry 'override: true' and give it its own source: or assumption:",
            diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS027")]
    public void A_transition_added_with_a_module_transition_s_trigger_without_override_is_reported_at_the_trigger()
    {
        var spec = ModulesSpec.With("          - trigger: SwitchOn\n            override: true\n", "          - trigger: SwitchOn\n");
        DiagnosticAssert.Single(spec, "BMS027", TextPosition.Of(spec, "- trigger: SwitchOn\n            from: Off\n            to: On\n            when: \"Healthy && !ServiceMode\"", at: "SwitchOn"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS028")]
    public void Override_without_its_own_source_or_assumption_is_reported_at_its_name()
    {
        var spec = ModulesSpec.With("        source: \"Bms-manual §7 Large banks (cut-off 2.9 V)\"\n", "");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS028", TextPosition.Of(spec, "- name: CellLow\n        override", at: "CellLow"));
        Assert.StartsWith("Threshold 'CellLow' overrides the one from module CellCore but has neither source: nor assumption: of its own", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS028")]
    public void Transition_override_without_its_own_source_or_assumption_is_reported_at_its_trigger()
    {
        var spec = ModulesSpec.With("            assumption: \"Large banks stay off while the service switch is on.\"\n", "");
        DiagnosticAssert.Single(spec, "BMS028", TextPosition.Of(spec, "- trigger: SwitchOn\n            override", at: "SwitchOn"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS031")]
    public void A_module_no_product_uses_is_reported_at_its_id()
    {
        var spec = ModulesSpec.With("  - id: CellCore\n", "  - id: Spare\n    flags:\n      - { name: Idle, when: \"true\", assumption: \"Unused.\" }\n  - id: CellCore\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS031", TextPosition.Of(spec, "id: Spare", at: "Spare"));
        Assert.Equal("Module 'Spare' is used by no product (directly or through another module), so nothing compiles or checks it", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS032")]
    public void Two_used_modules_with_different_entries_of_one_name_are_a_conflict_at_the_second_use()
    {
        var spec = ModulesSpec.With("  - id: CellCore\n", "  - id: Extra\n    timers:\n      - { name: Debounce, duration: 3 s, assumption: \"Slower.\" }\n  - id: CellCore\n")
            .Replace("    source: \"Bms-manual §1\"\n    use: [CellCore]", "    source: \"Bms-manual §1\"\n    use: [CellCore, Extra]");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS032", TextPosition.Of(spec, "[CellCore, Extra]", at: "Extra"));
        Assert.Equal("Timer 'Debounce' comes from module CellCore and, differently, from module Extra; override it here to choose", diagnostic.Message);
    }

    [Fact]
    public void The_same_module_reached_through_two_modules_is_used_once()
    {
        var spec = ModulesSpec.With("  - id: CellCore\n", "  - id: Left\n    use: [CellCore]\n  - id: Right\n    use: [CellCore]\n  - id: CellCore\n")
            .Replace("    source: \"Bms-manual §1\"\n    use: [CellCore]", "    source: \"Bms-manual §1\"\n    use: [Left, Right]");
        var diagnostics = SpecCheck.Diagnostics(spec, ModulesSpec.FileName);
        Assert.True(diagnostics.Count == 0, DiagnosticAssert.Describe(spec, diagnostics));
    }

    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void Before_naming_no_transition_of_the_machine_is_an_unknown_name_at_it()
    {
        var spec = ModulesSpec.With("before: SwitchOn", "before: SwitchOnn");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "before: SwitchOnn", at: "SwitchOnn"));
        Assert.Equal("Unknown name 'SwitchOnn'; expected the trigger of a transition of machine 'Mode' (did you mean 'SwitchOn'?)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void An_extension_with_its_own_initial_state_is_an_invalid_value_at_it()
    {
        var spec = ModulesSpec.With("        extend: true\n", "        extend: true\n        initial: Service\n");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "initial: Service", at: "Service"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void Override_on_a_transition_of_a_machine_written_out_in_full_is_an_invalid_value_at_it()
    {
        var spec = ModulesSpec.With("            after: Debounce\n            source: \"Bms-manual §4 Switching on\"",
            "            after: Debounce\n            override: true\n            source: \"Bms-manual §4 Switching on\"");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "override: true\n            source: \"Bms-manual §4", at: "true"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void Override_that_is_not_true_or_false_is_an_invalid_value_at_it()
    {
        var spec = ModulesSpec.With("        override: true\n        input", "        override: yes\n        input");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "override: yes", at: "yes"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS015")]
    public void Two_modules_with_one_id_are_a_duplicate_at_the_second()
    {
        var spec = ModulesSpec.With("\nproducts:\n", "\n  - id: CellCore\n    flags:\n      - { name: Idle, when: \"true\", assumption: \"Unused.\" }\n\nproducts:\n");
        var second = TextPosition.Of(spec, "  - id: CellCore\n    flags", at: "CellCore");
        DiagnosticAssert.Single(spec, "BMS015", second);
    }

    [Fact]
    [Trait("Diagnostic", "BMS018")]
    public void An_id_a_module_covers_that_no_product_using_it_lists_is_reported_at_the_id()
    {
        var spec = ModulesSpec.With("        source: \"Cell-sheet §4 Discharge cut-off\"\n        covers: [S-01]", "        source: \"Cell-sheet §4 Discharge cut-off\"\n        covers: [S-01, X-09]");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS018", TextPosition.Of(spec, "X-09"));
        Assert.Equal("'X-09' is in the catalogue of no product that uses module CellCore", diagnostic.Message);
    }

    [Fact]
    public void An_error_in_a_module_entry_is_reported_once_although_two_products_use_it()
    {
        var spec = ModulesSpec.With("trip: \"<= 3.0 V\"", "trip: \"<= 3.0 X\"");
        DiagnosticAssert.Single(spec, "BMS004", TextPosition.Of(spec, "<= 3.0 X", at: "3.0 X"));
    }
}
