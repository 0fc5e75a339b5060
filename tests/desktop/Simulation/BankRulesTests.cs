using System.Linq;
using BmsRules.Desktop.Commands;
using BmsRules.Simulation;

namespace BmsRules.Desktop.Tests.Simulation;

public class BankRulesTests
{
    private static BankConfiguration Bank(double volts, int series, int parallel) => new()
    {
        Battery = new BatteryType(BatteryType.LithiumBatterySmart, volts, 200),
        Series = series,
        Parallel = parallel,
    };

    [Theory]
    [InlineData(12.8, 1, 1)]
    [InlineData(12.8, 2, 1)]
    [InlineData(12.8, 4, 5)]
    [InlineData(25.6, 1, 20)]
    [InlineData(25.6, 2, 10)]
    [Trait("Covers", "V2-16")]
    public void Banks_within_the_V2_limits_are_accepted(double volts, int series, int parallel)
    {
        Assert.Empty(BankRules.Check(Bank(volts, series, parallel)));
    }

    [Theory]
    [InlineData(12.8, 5, 1, "At most 4 × 12.8 V batteries can be connected in series")]
    [InlineData(25.6, 3, 1, "At most 2 × 25.6 V batteries can be connected in series")]
    [InlineData(12.8, 3, 1, "38.4 V is not a 12, 24 or 48 V system")]
    [InlineData(12.8, 1, 21, "At most 20 batteries")]
    [InlineData(25.6, 2, 11, "At most 20 batteries")]
    [InlineData(13.0, 1, 1, "A Lithium Battery Smart is 12.8 V or 25.6 V")]
    [Trait("Covers", "V2-16")]
    public void Banks_beyond_the_V2_limits_are_refused_with_the_limit(double volts, int series, int parallel, string message)
    {
        var problems = BankRules.Check(Bank(volts, series, parallel));

        Assert.Contains(problems, p => p.Message.Contains(message));
    }

    [Fact]
    public void Mixed_battery_types_are_refused()
    {
        var bank = Bank(12.8, 2, 1);
        bank.Batteries = new[] { new BatteryType(BatteryType.LithiumBatterySmart, 12.8, 200), new BatteryType(BatteryType.LithiumBatterySmart, 12.8, 100) };

        var problem = Assert.Single(BankRules.Check(bank));
        Assert.Equal("batteries[1]", problem.Field);
        Assert.Contains("Mixed battery types are not allowed", problem.Message);
    }

    [Fact]
    public void Other_battery_models_are_refused()
    {
        var bank = Bank(12.8, 1, 1);
        bank.Battery = bank.Battery with { Model = "LithiumNG" };

        Assert.Contains(BankRules.Check(bank), p => p.Message.Contains("Lithium Battery Smart batteries only"));
    }

    [Fact]
    public void A_stated_system_voltage_must_match_the_bank()
    {
        var bank = Bank(12.8, 2, 1);
        bank.SystemVoltage = 48;

        Assert.Contains(BankRules.Check(bank), p => p.Field == "system_voltage" && p.Message.Contains("24 V system"));
    }

    [Fact]
    public void An_invalid_bank_in_a_scenario_is_located_and_exits_2()
    {
        var outcome = ScenarioHarness.RunText("""
            scenario: too many in series
            bank:
              battery: { voltage: 12.8 V, capacity: 100 Ah }
              series: 5
            """, "bank.yaml");

        Assert.Equal(SimulateCommand.ExitInvalid, outcome.ExitCode);
        Assert.Contains("bank.yaml:4:3: error: Invalid bank: At most 4 × 12.8 V batteries can be connected in series", outcome.Error);
    }

    [Fact]
    public void A_mixed_bank_in_a_scenario_points_at_the_odd_battery()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: mixed
            bank:
              series: 2
              batteries:
                - { voltage: 12.8 V, capacity: 200 Ah }
                - { voltage: 12.8 V, capacity: 100 Ah }
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((6L, 7L), (d.Line, d.Column));
        Assert.Contains("Mixed battery types", d.Message);
    }

    [Fact]
    [Trait("Covers", "V2-16")]
    public void The_twenty_one_battery_bank_is_refused_in_a_scenario()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: too many
            bank: { battery: { voltage: 25.6 V }, series: 1, parallel: 21 }
            """);

        Assert.Contains("At most 20 batteries", ex.Diagnostics.Single().Message);
    }
}
