using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Conditions: names, syntax, types and evaluation order, each reported at its column inside the quoted text.</summary>
public class ExpressionDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void Misspelt_name_in_a_condition_is_reported_at_the_column_of_the_name_inside_the_quotes()
    {
        var spec = MinimalSpec.With("\"Enabled && !CellLow && Climate.Normal\"", "\"Enabled && !CellLw && Climate.Normal\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "CellLw"));
        Assert.Equal("Unknown name 'CellLw' (did you mean 'CellLow'?)", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void Misspelt_name_in_a_condition_written_over_several_lines_is_reported_at_the_start_of_the_condition()
    {
        // Offsets into a folded value are not columns of the file: the whole condition is the place.
        var spec = MinimalSpec.With("when: \"Enabled && !CellLow && Climate.Normal\"", "when: >-\n          Enabled &&\n          !CellLw && Climate.Normal");
        DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "when: >-", at: ">-"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS002")]
    public void Unknown_state_of_a_machine_is_reported_at_the_qualified_name()
    {
        var spec = MinimalSpec.With("high_when: \"Mode.On\"", "high_when: \"Mode.Running\"");
        DiagnosticAssert.Single(spec, "BMS002", TextPosition.Of(spec, "Mode.Running"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS016")]
    public void Doubled_operator_is_an_expression_syntax_error_at_the_second_operator()
    {
        var spec = MinimalSpec.With("\"CellLow && !Quiet\"", "\"CellLow && && !Quiet\"");
        DiagnosticAssert.Single(spec, "BMS016", TextPosition.Of(spec, "&& && !Quiet", at: "&& !Quiet"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS016")]
    public void Unclosed_parenthesis_is_an_expression_syntax_error_at_the_parenthesis()
    {
        var spec = MinimalSpec.With("when: \"!Healthy\"", "when: \"!(Healthy\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS016", TextPosition.Of(spec, "!(Healthy", at: "("));
        Assert.Equal("Expression syntax error: missing ')'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS017")]
    public void Number_input_used_as_a_condition_is_a_type_mismatch_at_the_name()
    {
        var spec = MinimalSpec.With("when: \"Load\"", "when: \"CellVoltage\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS017", TextPosition.Of(spec, "CellVoltage\""));
        Assert.StartsWith("'CellVoltage' is a number input", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS019")]
    public void Signal_that_reads_a_machine_state_is_used_before_it_is_evaluated()
    {
        var spec = MinimalSpec.With("\"Enabled && !CellLow && Climate.Normal\"", "\"Enabled && !CellLow && !Mode.On\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS019", TextPosition.Of(spec, "!Mode.On", at: "Mode.On"));
        Assert.Contains("signals are evaluated before machines", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS019")]
    public void Output_that_reads_a_flag_is_used_before_it_is_evaluated()
    {
        var spec = MinimalSpec.With("high_when: \"Mode.On\"", "high_when: \"Mode.On && AllowLoad\"");
        DiagnosticAssert.Single(spec, "BMS019", TextPosition.Of(spec, "AllowLoad\""));
    }
}
