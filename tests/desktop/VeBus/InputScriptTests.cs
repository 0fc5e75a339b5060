using System;
using System.Linq;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Products.VeBusBmsV2;
using Xunit;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary>The BMS endpoint's input script.</summary>
public sealed class InputScriptTests
{
    private static readonly BmsRules.Runtime.Introspection.EngineDescriptor D = VeBusBmsV2Engine.Info;

    [Fact]
    public void The_start_is_the_healthy_V2_set_with_overrides()
    {
        var script = InputScript.Parse(D, new[] { "CellMinVoltage=3.0", "MultiOn=false" }, null);

        Assert.Equal(3.0, script.Start[D.Input("CellMinVoltage")]);
        Assert.Equal(3.35, script.Start[D.Input("CellMaxVoltage")]);
        Assert.Equal(0, script.Start[D.Input("MultiOn")]);
        Assert.True(double.IsNaN(script.Start[D.Input("BatteryDataSequence")]));
    }

    [Fact]
    public void Changes_come_due_in_time_order_once_each()
    {
        var script = InputScript.Parse(D, Array.Empty<string>(), "# scenario\n5s CellMinVoltage=2.7 CellMaxVoltage=3.4\n1500ms Bootloader=true\n");

        Assert.Empty(script.Due(1_000));
        Assert.Equal(new[] { "Bootloader" }, script.Due(2_000).Select(c => c.Name));
        Assert.Equal(new[] { "CellMinVoltage", "CellMaxVoltage" }, script.Due(5_000).Select(c => c.Name));
        Assert.Empty(script.Due(10_000));
    }

    [Theory]
    [InlineData("2 CellMinVoltage=2.7", "script line 1: time '2' needs a unit")]
    [InlineData("2s Voltage=2.7", "has no input 'Voltage'. Known: CellMinVoltage")]
    [InlineData("\n2s CellMinVoltage=low", "script line 2: 'low' is not a number")]
    [InlineData("2s", "needs at least one NAME=VALUE")]
    [InlineData("2s CellMinVoltage", "is not NAME=VALUE")]
    public void Mistakes_are_reported_with_their_line(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => InputScript.Parse(D, Array.Empty<string>(), text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
