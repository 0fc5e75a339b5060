using BmsRules.Generator.Tests.Support;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Provenance, catalogue coverage, and parts of the spec that can never take effect.</summary>
public class ProvenanceDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS011")]
    public void Timer_without_source_or_assumption_is_reported_at_its_name()
    {
        var spec = MinimalSpec.Without("        assumption: \"Long enough to ignore contact bounce.\"\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS011", TextPosition.Of(spec, "- name: Debounce", at: "Debounce"));
        Assert.Equal("Timer 'Debounce' has neither source: nor assumption:", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS018")]
    public void Covering_an_id_missing_from_the_catalogue_is_reported_at_the_id()
    {
        var spec = MinimalSpec.With("covers: [M-01]", "covers: [M-01, M-99]");
        DiagnosticAssert.Single(spec, "BMS018", TextPosition.Of(spec, "M-99"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS018")]
    public void Engine_catalogue_id_that_nothing_covers_is_reported_at_the_catalogue_entry()
    {
        var spec = MinimalSpec.Without("        covers: [M-01]\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS018", TextPosition.Of(spec, "{ id: M-01", at: "M-01"));
        Assert.Equal("'M-01' is handled by the engine but no entry covers it", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS021")]
    public void State_no_transition_leads_to_is_unreachable_at_the_state_name()
    {
        var spec = MinimalSpec.With(
            "          - { name: On, description: \"Load on.\" }\n",
            "          - { name: On, description: \"Load on.\" }\n          - { name: Fault }\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS021", TextPosition.Of(spec, "Fault"));
        Assert.Equal("State 'Fault' of machine 'Mode' cannot be reached from its initial state 'Off'", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS022")]
    public void Code_without_a_condition_that_no_input_names_is_never_raised()
    {
        var spec = MinimalSpec.Without("        when: \"CellLow && !Quiet\"\n");
        DiagnosticAssert.Single(spec, "BMS022", TextPosition.Of(spec, "A01"));
    }
}
