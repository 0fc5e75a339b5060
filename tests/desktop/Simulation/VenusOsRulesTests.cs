using BmsRules.Simulation;
using BmsRules.Simulation.VeBus;

namespace BmsRules.Desktop.Tests.Simulation;

/// <summary>
/// The GX's rules as dbus-systemcalc-py v2.256 computes them (docs/vebus.md, "How a GX device sees it"), one rule per
/// test, and <see cref="GxDevice"/> applying them with Venus OS's timers.
/// </summary>
public sealed class VenusOsRulesTests
{
    private const double NaN = double.NaN;

    [Theory]
    [Trait("Covers", "V2-06")]
    [InlineData(9, 0, 1, 1, 0)]
    [InlineData(8, 0, 0, 1, 1)]
    [InlineData(9, 1, 1, 0, 0)]
    [InlineData(4, 0, 0, 0, 0)]
    [InlineData(2, 0, 0, 0, 0)]
    public void With_the_ESS_assistant_the_system_state_shows_the_Bms_paths_only_in_charge_or_bypass(
        double mainState, double allowCharge, double allowDischarge, double chargeDisabled, double dischargeDisabled)
    {
        Assert.Equal((chargeDisabled, dischargeDisabled), VenusOsRules.SystemStateFlags(true, mainState, allowCharge, allowDischarge));
    }

    [Theory]
    [Trait("Covers", "V2-06")]
    [InlineData(9, 0, 0)]
    [InlineData(8, 0, 0)]
    [InlineData(4, 0, 0)]
    public void Without_the_ESS_assistant_the_system_state_never_shows_the_BMS(double mainState, double allowCharge, double allowDischarge)
    {
        Assert.Equal((0.0, 0.0), VenusOsRules.SystemStateFlags(false, mainState, allowCharge, allowDischarge));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void An_invalid_Bms_path_or_main_state_reads_as_allowed()
    {
        Assert.Equal((0.0, 0.0), VenusOsRules.SystemStateFlags(true, 9, NaN, 0));
        Assert.Equal((0.0, 0.0), VenusOsRules.SystemStateFlags(true, NaN, 0, 0));
    }

    [Theory]
    [Trait("Covers", "V2-06")]
    [InlineData(2, 1146100, VeBusInterface.Mk3, true)]
    [InlineData(2, 1146100, VeBusInterface.Mk2, false)]
    [InlineData(2, 1145100, VeBusInterface.Mk3, false)]
    [InlineData(2, 1200000, VeBusInterface.Mk3, true)]
    public void A_V2_is_a_V2_to_DVCC_only_from_version_1146100_on_an_MK3_while_the_Multi_is_on(double bmsType, double version, VeBusInterface vebusInterface, bool v2)
    {
        Assert.Equal(v2, VenusOsRules.HasVebusBmsV2(bmsType, 1, version, vebusInterface));
    }

    [Theory]
    [Trait("Covers", "V2-06")]
    [InlineData(VeBusInterface.Mk2)]
    [InlineData(VeBusInterface.Mk3)]
    public void With_the_Multi_off_a_valid_AllowToCharge_without_a_version_is_a_V2_on_any_interface(VeBusInterface vebusInterface)
    {
        Assert.True(VenusOsRules.HasVebusBmsV2(2, 0, NaN, vebusInterface));
        Assert.False(VenusOsRules.HasVebusBmsV2(2, NaN, NaN, vebusInterface));
        Assert.False(VenusOsRules.HasVebusBmsV2(NaN, 1, NaN, vebusInterface));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void DVCC_gives_10000_A_or_0_A_with_a_VE_Bus_BMS_and_nothing_without_one()
    {
        Assert.Equal(10_000, VenusOsRules.DvccMaxChargeCurrent(2, 1));
        Assert.Equal(0, VenusOsRules.DvccMaxChargeCurrent(2, 0));
        Assert.True(double.IsNaN(VenusOsRules.DvccMaxChargeCurrent(NaN, 0)));
        Assert.True(double.IsNaN(VenusOsRules.DvccMaxChargeCurrent(1, 0)));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void The_network_mode_is_13_with_the_BMS_bit_for_a_V2_and_5_otherwise()
    {
        Assert.Equal(13, VenusOsRules.NetworkMode(0, bmsIsV2: true));
        Assert.Equal(5, VenusOsRules.NetworkMode(10_000, bmsIsV2: false));
        Assert.True(double.IsNaN(VenusOsRules.NetworkMode(NaN, bmsIsV2: true)));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void The_solar_charger_gets_0_A_or_its_own_rating()
    {
        Assert.Equal(0, VenusOsRules.SolarChargeCurrent(0, 30));
        Assert.Equal(30, VenusOsRules.SolarChargeCurrent(10_000, 30));
        Assert.Equal(13, VenusOsRules.SolarChargeCurrent(12.2, 30));
        Assert.True(double.IsNaN(VenusOsRules.SolarChargeCurrent(NaN, 30)));
    }

    [Theory]
    [InlineData(MultiState.Charging, 9)]
    [InlineData(MultiState.ReducedCharging, 9)]
    [InlineData(MultiState.ChargerOnly, 9)]
    [InlineData(MultiState.Emergency, 9)]
    [InlineData(MultiState.PassThru, 8)]
    [InlineData(MultiState.Inverting, 4)]
    [InlineData(MultiState.Off, 2)]
    [InlineData(MultiState.LowPower, 2)]
    [InlineData(MultiState.Error, 0)]
    public void The_Multi_s_state_maps_to_its_VE_Bus_main_state(MultiState state, int mainState)
    {
        Assert.Equal(mainState, VenusOsRules.VebusMainState(state));
    }

    private static readonly MultiBmsView Healthy = new(true, false, AllowToCharge: true, AllowToDischarge: true, false, false, 1146100);
    private static readonly MultiOutput On = new(MultiState.Charging, 50, 14.2, 0, 0);
    private static readonly MultiOutput Off = new(MultiState.Off, 0, 0, 0, 0);

    [Fact]
    [Trait("Covers", "V2-06")]
    public void The_version_is_invalid_while_the_Multi_is_off_but_the_Bms_paths_stay()
    {
        var gx = new GxDevice(new GxParameters { Present = true });
        gx.Update(0, true, true, true, Healthy, On);
        Assert.Equal(1146100, gx.BmsVersion);

        gx.Update(100, true, true, true, Healthy, Off);

        Assert.True(double.IsNaN(gx.BmsVersion));
        Assert.Equal(1, gx.AllowToCharge);
        Assert.Equal(2, gx.BmsType);
        Assert.Equal(2, gx.VebusMainState);
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    public void The_GX_never_raises_a_pre_alarm_or_its_notification()
    {
        var gx = new GxDevice(new GxParameters { Present = true });
        gx.Update(0, true, true, true, Healthy with { AllowToDischarge = false }, On);

        Assert.Equal(0, gx.PreAlarm);
        Assert.Equal(0, gx.AlarmBmsPreAlarm);
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void A_GX_running_from_the_start_has_its_outputs_at_once()
    {
        var gx = new GxDevice(new GxParameters { Present = true }, essAssistant: true);
        gx.Update(0, true, true, true, Healthy with { AllowToCharge = false }, On);

        Assert.Equal(0, gx.MaxChargeCurrent);
        Assert.Equal(13, gx.NetworkMode);
        Assert.Equal(1, gx.ChargeDisabled);
        Assert.Equal(5, gx.HubAssistantId);
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void A_GX_that_gets_power_later_updates_its_system_state_after_1_s_and_runs_DVCC_after_3_s()
    {
        var gx = new GxDevice(new GxParameters { Present = true }, essAssistant: true);
        var cold = Healthy with { AllowToCharge = false };
        gx.Update(0, false, true, true, cold, On);
        for (long t = 100; t < 1_000 + 100; t += 100)
        {
            gx.Update(t, true, true, true, cold, On);
            if (t < 1_100) Assert.True(double.IsNaN(gx.ChargeDisabled), $"system state at {t} ms");
        }
        gx.Update(1_100, true, true, true, cold, On);
        Assert.Equal(1, gx.ChargeDisabled);
        Assert.True(double.IsNaN(gx.ChargerLimit(30)));

        for (long t = 1_200; t < 3_100; t += 100) gx.Update(t, true, true, true, cold, On);
        Assert.True(double.IsNaN(gx.MaxChargeCurrent));
        gx.Update(3_100, true, true, true, cold, On);
        Assert.Equal(0, gx.ChargerLimit(30));
        Assert.Equal(3_100, gx.LastDvccMs);
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void DVCC_acts_once_per_period_so_a_change_waits_for_the_next_run()
    {
        var gx = new GxDevice(new GxParameters { Present = true });
        gx.Update(0, true, true, true, Healthy, On);
        Assert.Equal(30, gx.ChargerLimit(30));

        var cold = Healthy with { AllowToCharge = false };
        gx.Update(1_000, true, true, true, cold, On);
        gx.Update(2_900, true, true, true, cold, On);
        Assert.Equal(30, gx.ChargerLimit(30));
        gx.Update(3_000, true, true, true, cold, On);
        Assert.Equal(0, gx.ChargerLimit(30));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void With_DVCC_off_nothing_is_written_to_the_chargers()
    {
        var gx = new GxDevice(new GxParameters { Present = true, Dvcc = false });
        gx.Update(0, true, true, true, Healthy with { AllowToCharge = false }, On);

        Assert.True(double.IsNaN(gx.MaxChargeCurrent));
        Assert.True(double.IsNaN(gx.NetworkMode));
    }
}
