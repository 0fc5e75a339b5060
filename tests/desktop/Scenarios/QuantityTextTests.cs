using BmsRules.Simulation.Scenarios.Parsing;

namespace BmsRules.Desktop.Tests.Scenarios;

public class QuantityTextTests
{
    [Theory]
    [InlineData("90 s", 90_000)]
    [InlineData("2 h", 7_200_000)]
    [InlineData("1 h 30 min", 5_400_000)]
    [InlineData("3 d", 259_200_000)]
    [InlineData("250 ms", 250)]
    [InlineData("00:15:00", 900_000)]
    [InlineData("1:30", 90_000)]
    [InlineData("0", 0)]
    public void Times_read_as_milliseconds(string text, double ms)
    {
        Assert.True(QuantityText.TryParse(text, QuantityKind.Time, out var value, out _, out var error), error);
        Assert.Equal(ms, value, 6);
    }

    [Theory]
    [InlineData("20 A", QuantityKind.CurrentOrPower, 20, false)]
    [InlineData("300 W", QuantityKind.CurrentOrPower, 300, true)]
    [InlineData("1.2 kW", QuantityKind.CurrentOrPower, 1200, true)]
    [InlineData("9 mA", QuantityKind.Current, 0.009, false)]
    [InlineData("-5 °C", QuantityKind.Temperature, -5, false)]
    [InlineData("30 %", QuantityKind.Percent, 0.3, false)]
    [InlineData("1.2 mΩ", QuantityKind.Resistance, 0.0012, false)]
    [InlineData("3 %/month", QuantityKind.PercentPerMonth, 0.03, false)]
    public void Quantities_read_in_base_units(string text, QuantityKind kind, double expected, bool isPower)
    {
        Assert.True(QuantityText.TryParse(text, kind, out var value, out var power, out var error), error);
        Assert.Equal(expected, value, 9);
        Assert.Equal(isPower, power);
    }

    [Theory]
    [InlineData("12 V", QuantityKind.Current)]
    [InlineData("twelve", QuantityKind.Voltage)]
    [InlineData("90", QuantityKind.Time)]
    [InlineData("5 fortnights", QuantityKind.Time)]
    [InlineData("20", QuantityKind.Temperature)]
    public void Wrong_or_missing_units_are_refused_with_a_reason(string text, QuantityKind kind)
    {
        Assert.False(QuantityText.TryParse(text, kind, out _, out _, out var error));
        Assert.NotEmpty(error);
    }
}
