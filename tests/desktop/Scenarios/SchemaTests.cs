using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation.Scenarios.Parsing;
using BmsRules.Simulation.Observables;
using BmsRules.Products;

namespace BmsRules.Desktop.Tests.Scenarios;

/// <summary>The JSON Schema documents exactly the keys the parser reads.</summary>
public class SchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioHarness.LibraryDirectory, "scenario.schema.json"))).RootElement;

    private static IEnumerable<string> Keys(JsonElement node) => node.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static JsonElement Prop(JsonElement node, string name) => node.GetProperty("properties").GetProperty(name);

    [Fact]
    public void The_schema_lists_the_top_level_bank_and_system_keys_the_parser_reads()
    {
        Assert.Equal(ScenarioParser.Keys.Order(), Keys(Schema).Order());
        var bank = Prop(Schema, "bank");
        Assert.Equal(BankParser.Keys.Order(), Keys(bank).Order());
        Assert.Equal(BankParser.CellKeys.Order(), Keys(Prop(bank, "cell")).Order());
        Assert.Equal(BankParser.BalancerKeys.Order(), Keys(Prop(bank, "balancer")).Order());
        Assert.Equal(BankParser.BtvKeys.Order(), Keys(Prop(bank, "btv")).Order());
        Assert.Equal(BankParser.BatteryKeys.Order(), Keys(Def("battery")).Order());
        var system = Prop(Schema, "system");
        Assert.Equal(SystemParser.Keys.Order(), Keys(system).Order());
        Assert.Equal(SystemParser.MultiKeys.Order(), Keys(Prop(system, "multi")).Order());
        Assert.Equal(SystemParser.SolarKeys.Order(), Keys(Prop(system, "solar")).Order());
        Assert.Equal(SystemParser.DcdcKeys.Order(), Keys(Prop(system, "dcdc")).Order());
        Assert.Equal(SystemParser.LoadKeys.Order(), Keys(Prop(system, "loads")).Order());
        Assert.Equal(SystemParser.GxKeys.Order(), Keys(Prop(system, "gx")).Order());
    }

    [Fact]
    public void The_schema_lists_every_timeline_control_and_expectation_key()
    {
        var controls = new ControlCatalog(ProductRegistry.Products[0]).FixedNames.ToList();
        Assert.Equal(controls.Order(), Keys(Def("controls")).Order());
        Assert.Equal(TimelineParser.EventKeys.Concat(controls).Distinct().Order(), Keys(Def("event")).Order());

        var simulatorObservables = new ObservableCatalog(ProductRegistry.Products[0]).All
            .Where(o => o.Source is ObservableSource.Simulator or ObservableSource.PrimaryCode)
            .Select(o => o.Name);
        Assert.Equal(ExpectationParser.Keys.Concat(simulatorObservables).Order(), Keys(Def("expectation")).Order());
    }
}
