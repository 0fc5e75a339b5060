using BmsRules.Simulation;

namespace BmsRules.Desktop.Tests.Simulation;

public class BatteryBankTests
{
    private static BatteryBank Bank(double soc, double capacity = 100, int series = 1, int parallel = 1)
    {
        var config = new BankConfiguration
        {
            Battery = new BatteryType(BatteryType.LithiumBatterySmart, 12.8, capacity),
            Series = series,
            Parallel = parallel,
            InitialSoc = soc,
        };
        config.Cell.SelfDischargePerMonth = 0;
        config.Balancer.Current = 0;
        return new BatteryBank(config);
    }

    private static void Run(BatteryBank bank, double amps, double seconds)
    {
        for (var t = 0.0; t < seconds; t += 0.1) bank.Step(amps, 0.1);
    }

    [Fact]
    public void The_open_circuit_voltage_rises_with_state_of_charge()
    {
        var curve = LifePo4Curve.Default;
        for (var soc = -0.04; soc < 1.05; soc += 0.001)
        {
            Assert.True(curve.Voltage(soc + 0.001) >= curve.Voltage(soc), $"not monotonic at {soc}");
        }
        Assert.InRange(curve.Voltage(0.5), 3.25, 3.35);
        Assert.InRange(curve.Voltage(0.01), 2.95, 3.05);
        Assert.True(curve.Voltage(1.02) > 4.0);
    }

    [Fact]
    public void Discharging_takes_charge_out_at_the_rate_of_the_current()
    {
        var bank = Bank(0.5);

        Run(bank, -50, 3600);

        Assert.Equal(0.0, bank.Soc, 3);
    }

    [Fact]
    public void A_load_sags_the_cells_and_they_rebound_slowly_when_it_drops()
    {
        var bank = Bank(0.3);
        var rest = bank.CellMin;
        Run(bank, -50, 600);
        var loaded = bank.CellMin;
        bank.Step(0, 0.1);
        var justAfter = bank.CellMin;
        Run(bank, 0, 600);
        var later = bank.CellMin;

        Assert.True(loaded < rest - 0.1, $"loaded {loaded} vs rest {rest}");
        Assert.True(justAfter > loaded + 0.05, "the ohmic drop goes at once");
        Assert.True(later > justAfter + 0.02, "the polarisation relaxes over minutes");
    }

    [Fact]
    public void Parallel_strings_share_the_current()
    {
        var one = Bank(0.5);
        var two = Bank(0.5, parallel: 2);

        Run(one, -50, 600);
        Run(two, -100, 600);

        Assert.Equal(one.Soc, two.Soc, 6);
        Assert.Equal(one.Voltage, two.Voltage, 3);
    }

    [Fact]
    public void The_bank_voltage_is_the_cells_in_series()
    {
        var bank = Bank(0.5, series: 4);

        Assert.Equal(16, bank.CellsInSeries);
        Assert.InRange(bank.Voltage, 52, 54);
    }

    [Fact]
    public void An_imbalanced_cell_reaches_4_volts_first_when_charging()
    {
        var config = new BankConfiguration { Battery = new BatteryType(BatteryType.LithiumBatterySmart, 12.8, 100), InitialSoc = 0.9 };
        config.Imbalance.Add(new CellImbalance(1, 3, 0.08, 1));
        var bank = new BatteryBank(config);

        Run(bank, 20, 1800);

        Assert.True(bank.CellMax > 4.0);
        Assert.Equal(bank.CellMax, bank.CellVoltage(1, 3), 3);
        Assert.True(bank.CellVoltage(1, 1) < 3.6);
    }

    [Fact]
    public void Self_discharge_drains_an_idle_bank()
    {
        var config = new BankConfiguration { Battery = new BatteryType(BatteryType.LithiumBatterySmart, 12.8, 100), InitialSoc = 0.5 };
        config.Cell.SelfDischargePerMonth = 0.03;
        config.Balancer.Current = 0;
        var bank = new BatteryBank(config);

        for (var i = 0; i < 30 * 24; i++) bank.Step(0, 3600);

        Assert.Equal(0.47, bank.Soc, 3);
    }

    [Fact]
    public void Cold_cells_sag_more_under_the_same_load()
    {
        var warm = Bank(0.5);
        var cold = Bank(0.5);
        cold.Temperature = 0;

        warm.Step(-100, 0.1);
        cold.Step(-100, 0.1);

        Assert.True(cold.CellMin < warm.CellMin - 0.05);
    }
}
