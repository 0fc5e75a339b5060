using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Runtime.Tests.Engine;

/// <summary>Example-based checks of the generated V2 engine, one documented behaviour each.</summary>
public sealed class VeBusBmsV2BehaviourTests
{
    private static EngineDriver NewV2() => new(new VeBusBmsV2Engine());

    [Fact]
    public void Power_up_leaves_every_output_floating_until_valid_data_and_remote_on()
    {
        var bms = NewV2();
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        bms.Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.True(bms.Code("I01"));
    }

    [Fact]
    [Trait("Covers", "V2-02")]
    [Trait("Covers", "V2-03")]
    [Trait("Covers", "V2-07")]
    [Trait("Covers", "V2-10")]
    [Trait("Covers", "V2-11")]
    public void Healthy_system_connects_loads_and_chargers_after_the_remote_debounce()
    {
        var bms = NewV2().HealthyV2();
        bms.Step(100);
        Assert.Equal("Starting", bms.State("System"));
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        bms.Run(600);
        Assert.Equal("On", bms.State("System"));
        Assert.Equal(OutputLevel.High, bms.Output("LoadDisconnect"));
        Assert.Equal(OutputLevel.High, bms.Output("ChargeDisconnect"));
        Assert.Equal(OutputLevel.Floating, bms.Output("PreAlarm"));
        Assert.Equal("On", bms.Table("CellAbove2V8Led"));
        Assert.Equal("ShortFlash", bms.Table("StatusLed"));
        Assert.Equal(0UL, bms.Engine.ActiveCodes);
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    [Trait("Covers", "V2-02")]
    [Trait("Covers", "V2-04")]
    [Trait("Covers", "V2-11")]
    public void Undervoltage_raises_the_pre_alarm_and_disconnects_loads_only_after_30_seconds()
    {
        var bms = NewV2().RunningV2();
        bms.Set("CellMinVoltage", 2.70).Step();
        Assert.Equal(OutputLevel.High, bms.Output("PreAlarm"));
        Assert.Equal(OutputLevel.High, bms.Output("LoadDisconnect"));
        bms.Run(29_800);
        Assert.Equal(OutputLevel.High, bms.Output("LoadDisconnect"));
        bms.Run(300);
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.False(bms.Flag("AllowToDischarge"));
        Assert.True(bms.Code("A01"));
        Assert.Equal("Off", bms.Table("CellAbove2V8Led"));
    }

    [Fact]
    [Trait("Covers", "V2-03")]
    [Trait("Covers", "V2-05")]
    [Trait("Covers", "V2-06")]
    [Trait("Covers", "V2-12")]
    [Trait("Covers", "V2-13")]
    public void Cell_at_4_volts_opens_the_charge_disconnect_in_the_same_step()
    {
        var bms = NewV2().RunningV2();
        bms.Set("CellMaxVoltage", 4.00).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.False(bms.Flag("AllowToCharge"));
        Assert.True(bms.Flag("ChargeReduction"));
        Assert.Equal("On", bms.Table("CellAbove4VLed"));
        bms.Set("CellMaxVoltage", 3.70).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        bms.Set("CellMaxVoltage", 3.60).Step();
        Assert.Equal(OutputLevel.High, bms.Output("ChargeDisconnect"));
    }

    [Fact]
    [Trait("Covers", "V2-03")]
    [Trait("Covers", "V2-12")]
    [Trait("Covers", "V2-13")]
    public void Cold_battery_blocks_charging_without_the_red_led()
    {
        var bms = NewV2().RunningV2();
        bms.Set("BatteryTemperature", 4.9).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.Equal("Off", bms.Table("CellAbove4VLed"));
        Assert.False(bms.Flag("ChargeReduction"));
        bms.Set("BatteryTemperature", 6.9).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        bms.Set("BatteryTemperature", 7.0).Step();
        Assert.Equal(OutputLevel.High, bms.Output("ChargeDisconnect"));
    }

    [Fact]
    public void Nan_cell_voltage_disconnects_everything_with_a_code()
    {
        var bms = NewV2().RunningV2();
        bms.Set("CellMinVoltage", double.NaN).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.True(bms.Code("E01"));
    }

    [Fact]
    [Trait("Covers", "V2-08")]
    [Trait("Covers", "V2-10")]
    public void Remote_off_floats_both_outputs_and_holds_the_multi_in_low_power()
    {
        var bms = NewV2().RunningV2();
        bms.Set("RemoteLoopClosed", false).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.True(bms.Flag("HoldMultiLowPower"));
        Assert.Equal("Off", bms.Table("StatusLed"));
    }

    [Fact]
    [Trait("Covers", "V2-09")]
    public void Gx_pow_takes_the_higher_of_battery_and_aux_in_and_only_aux_in_after_a_low_cell_disconnect()
    {
        var bms = NewV2().RunningV2();
        Assert.Equal("Battery", bms.Table("GxPowSource"));
        bms.Set("AuxInVoltage", 14.0).Step();
        Assert.Equal("AuxIn", bms.Table("GxPowSource"));
        bms.Set("AuxInVoltage", 12.0).Step();
        Assert.Equal("Battery", bms.Table("GxPowSource"));

        bms.Set("CellMinVoltage", 2.70).Run(30_100);
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.Equal("AuxIn", bms.Table("GxPowSource"));
        bms.Set("AuxInVoltage", 0).Step();
        Assert.Equal("None", bms.Table("GxPowSource"));
    }

    [Fact]
    [Trait("Covers", "V2-14")]
    public void Supply_current_is_10_mA_running_2_mA_at_low_cell_and_1_5_mA_switched_off()
    {
        var bms = NewV2().RunningV2();
        Assert.Equal("10 mA", bms.Table("SupplyCurrent"));
        bms.Set("CellMinVoltage", 2.70).Run(30_100);
        Assert.Equal("2 mA", bms.Table("SupplyCurrent"));
        bms.Set("RemoteLoopClosed", false).Step();
        Assert.Equal("1.5 mA", bms.Table("SupplyCurrent"));
    }

    [Theory]
    [Trait("Covers", "V2-15")]
    [InlineData(8.9)]
    [InlineData(70.1)]
    public void A_battery_voltage_outside_9_to_70_volts_disconnects_loads_and_chargers_with_E03(double volts)
    {
        var bms = NewV2().RunningV2();
        bms.Set("BatteryVoltage", volts).Step();
        Assert.Equal(OutputLevel.Floating, bms.Output("LoadDisconnect"));
        Assert.Equal(OutputLevel.Floating, bms.Output("ChargeDisconnect"));
        Assert.True(bms.Code("E03"));

        bms.Set("BatteryVoltage", volts < 9 ? 9.0 : 70.0).Run(6_000);
        Assert.False(bms.Code("E03"));
        Assert.Equal(OutputLevel.High, bms.Output("LoadDisconnect"));
    }

    [Fact]
    public void Typed_and_indexed_views_agree()
    {
        var engine = new VeBusBmsV2Engine();
        var inputs = new VeBusBmsV2Inputs(3.3, 3.35, 20, 1, 13.2, true, 13.2, 0, 0, true, false, true, true, false);
        VeBusBmsV2Outputs outputs = default;
        for (var t = 0; t <= 1000; t += 100)
        {
            inputs = new VeBusBmsV2Inputs(3.3, 3.35, 20, (uint)(t / 100 + 1), 13.2, true, 13.2, 0, 0, true, false, true, true, false);
            outputs = engine.Step(inputs, t);
        }
        Assert.Equal(OutputLevel.High, outputs.LoadDisconnect);
        Assert.Equal(outputs.LoadDisconnect, engine.GetOutput(VeBusBmsV2Engine.Info.Output("LoadDisconnect")));
        Assert.Equal(SystemState.On, outputs.System);
        Assert.Equal(StatusLedPattern.ShortFlash, outputs.StatusLed);
    }
}
