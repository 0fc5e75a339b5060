using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>The shape of the file: YAML syntax, keys, names and values of the wrong form.</summary>
public class StructureDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS001")]
    public void Unclosed_flow_mapping_is_a_yaml_syntax_error_where_the_parser_stops()
    {
        var spec = MinimalSpec.With(
            "      - { id: M-01, by: engine }\n",
            "      - { id: M-01, by: engine\n");

        // The flow mapping runs on into the next entry: the reader stops at that entry.
        var diagnostic = DiagnosticAssert.Single(spec, "BMS001", TextPosition.Of(spec, "- { id: M-02", at: "-"));
        Assert.Contains("unclosed", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS001")]
    public void Tab_indentation_is_a_yaml_syntax_error_at_the_tab()
    {
        const string spec = "format: bmsrules/1\nproducts:\n\t- id: X\n";
        DiagnosticAssert.Single(spec, "BMS001", new TextPosition(3, 1));
    }

    [Fact]
    [Trait("Diagnostic", "BMS013")]
    public void Key_the_format_does_not_know_is_reported_at_the_key()
    {
        var spec = MinimalSpec.With("        label: Load switch\n", "        label: Load switch\n        colour: red\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS013", TextPosition.Of(spec, "colour: red"));
        Assert.Contains("'colour' in an output", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS014")]
    public void Threshold_without_an_input_is_reported_at_the_start_of_its_mapping()
    {
        var spec = MinimalSpec.Without("        input: CellVoltage\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS014", TextPosition.Of(spec, "- name: CellLow", at: "name"));
        Assert.Equal("a threshold needs 'input'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS015")]
    public void Flag_named_like_an_output_is_a_duplicate_name_at_the_second_definition()
    {
        var spec = MinimalSpec.With("      - name: AllowLoad\n", "      - name: Load\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS015", TextPosition.Of(spec, "- name: Load\n        when", at: "Load"));
        var output = TextPosition.Of(spec, "- name: Load\n        label");
        Assert.Equal($"'Load' is already defined (as an output at line {output.Line})", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void Input_type_outside_number_bool_sequence_is_an_invalid_value_at_the_type()
    {
        var spec = MinimalSpec.With("CellVoltage\n        type: number", "CellVoltage\n        type: numeric");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "type: numeric", at: "numeric"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void Unsupported_format_version_is_an_invalid_value_at_the_version()
    {
        var spec = MinimalSpec.With("format: bmsrules/1", "format: bmsrules/2");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "bmsrules/2"));
    }
}
