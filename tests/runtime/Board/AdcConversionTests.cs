using System;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class AdcConversionTests
{
    private sealed class Pin : IVoltageInput
    {
        public double Volts { get; set; }

        public double ReadVolts() => Volts;
    }

    private static readonly AdcSpec Adc = BoardProfiles.MeadowF7FeatherV2.Adc;

    private static readonly VoltageDivider TerminalDivider = BoardProfiles.MeadowF7FeatherV2.For("BatteryVoltage").Divider!;

    [Fact]
    public void The_F7_adc_is_12_bits_over_3V3_so_a_count_is_0_806_millivolts()
    {
        Assert.Equal(4095, Adc.MaxCount);
        Assert.Equal(3.3 / 4095, Adc.VoltsPerCount, 12);
        Assert.Equal(0d, Adc.CountsToVolts(0));
        Assert.Equal(1.65, Adc.CountsToVolts(2047) + Adc.VoltsPerCount / 2, 3);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4096)]
    public void A_failed_or_impossible_count_converts_to_NaN(int counts) =>
        Assert.True(double.IsNaN(Adc.CountsToVolts(counts)));

    [Fact]
    public void Readings_within_two_counts_of_full_scale_are_clipped_under_either_full_scale_convention()
    {
        Assert.False(Adc.IsUsable(Adc.CountsToVolts(4095)));
        Assert.False(Adc.IsUsable(Adc.CountsToVolts(4093)));
        Assert.True(Adc.IsUsable(Adc.CountsToVolts(4092)));
        // A driver that divides by 4096 reports full scale as 4095/4096 of the reference.
        Assert.False(Adc.IsUsable(4095 * 3.3 / 4096));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(double.PositiveInfinity)]
    public void A_pin_voltage_the_adc_cannot_produce_is_not_usable(double volts) => Assert.False(Adc.IsUsable(volts));

    [Fact]
    public void The_terminal_divider_is_x23_and_measures_75_9_volts_at_18_5_millivolts_per_count()
    {
        var divider = TerminalDivider;
        Assert.Equal(23d, divider.Ratio, 12);
        Assert.InRange(divider.MeasurableVolts(Adc), 75.8, 75.9);
        Assert.Equal(0.0185, divider.TerminalVoltsPerCount(Adc), 4);
    }

    [Theory]
    [InlineData(9.0)]
    [InlineData(13.2)]
    [InlineData(58.4)]
    [InlineData(70.0)]
    public void A_battery_voltage_survives_divider_and_adc_within_one_count(double batteryVolts)
    {
        var divider = TerminalDivider;
        var counts = (int)Math.Round(batteryVolts / divider.Ratio / Adc.VoltsPerCount);
        var pin = new Pin { Volts = Adc.CountsToVolts(counts) };
        var read = new DividedVoltageSource(pin, divider, Adc).Read();
        Assert.InRange(read, batteryVolts - divider.TerminalVoltsPerCount(Adc), batteryVolts + divider.TerminalVoltsPerCount(Adc));
    }

    [Fact]
    public void A_clipped_pin_reads_NaN_at_the_terminal_so_the_engine_fails_safe()
    {
        var source = new DividedVoltageSource(new Pin { Volts = 3.3 }, TerminalDivider, Adc);
        Assert.True(double.IsNaN(source.Read()));
    }

    [Fact]
    public void A_reading_within_half_a_count_below_zero_is_zero_volts()
    {
        var source = new DividedVoltageSource(new Pin { Volts = -Adc.VoltsPerCount / 4 }, TerminalDivider, Adc);
        Assert.Equal(0d, source.Read());
    }

    [Theory]
    [InlineData(-1, 10_000)]
    [InlineData(220_000, 0)]
    [InlineData(220_000, double.NaN)]
    public void A_divider_needs_real_resistors(double top, double bottom) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VoltageDivider(top, bottom));
}
