using System.Linq;
using BmsRules.Generator.Model;
using BmsRules.Generator.Tests.Support;
using BmsRules.Runtime;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Modules;

/// <summary>
/// Two products share the module CellCore: SmallBms uses it as it is, LargeBms overrides its CellLow threshold
/// and extends its Mode machine. Each compiles to an engine that behaves as its own rules say, and every
/// entry records the module it comes from.
/// </summary>
public class SharedModuleTests
{
    private static ResolvedSpec Resolved() =>
        SpecCompiler.Resolve(ModulesSpec.FileName, ModulesSpec.Text, SpecFiles.Companions())!;

    private static ProductSpec Product(string id) => Resolved().Products.Single(p => p.Id.Text == id);

    [Fact]
    public void Modules_fixture_compiles_without_any_diagnostic()
    {
        var diagnostics = SpecCheck.Diagnostics(ModulesSpec.Text, ModulesSpec.FileName);
        Assert.True(diagnostics.Count == 0, DiagnosticAssert.Describe(ModulesSpec.Text, diagnostics));
    }

    [Fact]
    public void A_product_that_only_uses_a_module_gets_every_entry_of_it_then_its_own()
    {
        var small = Product("SmallBms");
        Assert.Equal(new[] { "CellVoltage", "Enabled" }, small.Inputs.Select(i => i.Name.Text));
        Assert.Equal("<= 3.0 V", small.Thresholds.Single().Trip.Text);
        Assert.All(small.Inputs, i => Assert.Equal("CellCore", i.Provenance.Module));
        Assert.Null(small.Flags.Single().Provenance.Module);
    }

    [Fact]
    public void An_override_takes_the_module_entry_s_place_and_records_what_it_replaces()
    {
        var large = Product("LargeBms");
        var threshold = large.Thresholds.Single();
        Assert.Equal("<= 2.9 V", threshold.Trip.Text);
        Assert.Null(threshold.Provenance.Module);
        Assert.Equal("CellCore", threshold.Provenance.Replaces);
        // The product's own input comes after the module's.
        Assert.Equal(new[] { "CellVoltage", "Enabled", "ServiceMode" }, large.Inputs.Select(i => i.Name.Text));
    }

    [Fact]
    public void A_machine_extension_adds_states_places_transitions_and_overrides_one_by_trigger()
    {
        var mode = Product("LargeBms").Machines.Single();
        Assert.Equal(new[] { "Off", "On", "Service" }, mode.States.Select(s => s.Name.Text));
        Assert.Equal(new[] { "EnterService", "SwitchOn", "SwitchOff", "LeaveService" }, mode.Transitions.Select(t => t.Trigger.Text));
        Assert.Equal("Healthy && !ServiceMode", mode.Transitions[1].When.Text);
        Assert.Equal("CellCore", mode.Transitions[1].Provenance.Replaces);
        Assert.Equal("CellCore", mode.Transitions[2].Provenance.Module);
        Assert.Equal("CellCore", mode.Provenance.Module);
    }

    [Fact]
    public void Short_document_names_are_written_out_as_their_files()
    {
        var small = Product("SmallBms");
        Assert.Equal("cell-datasheet.txt §2 Voltage range", small.Inputs[0].Provenance.Sources.Single());
        Assert.Equal("bms-manual.txt §4 Switching off; cell-datasheet.txt §4", small.Machines[0].Transitions[1].Provenance.Sources.Single());
    }

    [Fact]
    [Trait("Covers", "S-01")]
    public void The_product_using_the_module_as_it_is_disconnects_at_the_module_s_level()
    {
        var driver = Engine("SmallBms").Set("CellVoltage", 3.1).Set("Enabled", true).Run(2_100);
        Assert.Equal(OutputLevel.High, driver.Output("Load"));
        driver.Set("CellVoltage", 2.95).Step();
        Assert.Equal(OutputLevel.Floating, driver.Output("Load"));
    }

    [Fact]
    [Trait("Covers", "L-01")]
    [Trait("Covers", "L-02")]
    public void The_overriding_product_disconnects_at_its_own_level_and_holds_off_in_service()
    {
        var driver = Engine("LargeBms").Set("CellVoltage", 2.95).Set("Enabled", true).Set("ServiceMode", false).Run(2_100);
        Assert.Equal(OutputLevel.High, driver.Output("Load"));
        driver.Set("CellVoltage", 2.9).Step();
        Assert.Equal(OutputLevel.Floating, driver.Output("Load"));

        driver.Set("CellVoltage", 3.3).Set("ServiceMode", true).Run(3_000);
        Assert.Equal("Service", driver.State("Mode"));
        Assert.Equal(OutputLevel.Floating, driver.Output("Load"));
    }

    [Fact]
    public void Generated_code_names_each_rule_s_spec_line_module_and_catalogue_ids()
    {
        var result = GeneratorHarness.Run(ModulesSpec.Text, ModulesSpec.FileName);
        var large = GeneratorHarness.Source(result, "LargeBms.g.cs");
        var small = GeneratorHarness.Source(result, "SmallBms.g.cs");
        var moduleThreshold = TextPosition.Of(ModulesSpec.Text, "- name: CellLow\n        input", at: "name").Line;
        var overrideThreshold = TextPosition.Of(ModulesSpec.Text, "- name: CellLow\n        override", at: "name").Line;

        Assert.Contains($"[modules.rules.yaml:{moduleThreshold} module CellCore · S-01]", small);
        Assert.Contains($"[modules.rules.yaml:{overrideThreshold} · L-01]", large);
        Assert.DoesNotContain($"[modules.rules.yaml:{moduleThreshold} ", large);
    }

    [Fact]
    public void Each_product_of_the_modules_fixture_generates_the_approved_source()
    {
        var result = GeneratorHarness.Run(ModulesSpec.Text, ModulesSpec.FileName);
        Assert.Empty(result.Diagnostics);
        Approvals.Verify("modules.LargeBms.g.cs", GeneratorHarness.Source(result, "LargeBms.g.cs"));
    }

    private static EngineDriver Engine(string product) =>
        new(InMemoryEngineCompiler.Compile(ModulesSpec.Text, ModulesSpec.FileName).Create(product));
}
