using BmsRules.Simulation;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;

namespace BmsRules.Desktop.Tests.Simulation;

/// <summary>The Multi model on the BMS view its VE.Bus end hands it (frames, emergency mode and its timeout belong to the endpoint).</summary>
public class SimpleMultiModelTests
{
    private static readonly MultiBmsView AllGood = new(BmsPresent: true, EmergencyMode: false, AllowToCharge: true, AllowToDischarge: true,
        ChargeReduction: false, LowPowerMode: false, BmsVersion: 1146100);

    private static SimpleMultiModel Multi(MultiParameters? p = null) => new(p ?? new MultiParameters(), 4, 12);

    private static MultiEnvironment Env(bool mains, MultiSwitch front = MultiSwitch.On) => new(mains, 500, 13.2, front);

    [Fact]
    public void Without_mains_it_inverts_and_takes_the_AC_load_from_the_battery()
    {
        var o = Multi().Step(AllGood, Env(false), 0);

        Assert.Equal(MultiState.Inverting, o.State);
        Assert.InRange(o.DischargeCurrent, 500 / 13.2, 60);
        Assert.True(o.IsOn);
    }

    [Fact]
    [Trait("Covers", "V2-04")]
    public void Low_cell_without_mains_turns_it_off_and_with_mains_it_only_charges()
    {
        var lowCell = AllGood with { AllowToDischarge = false };

        Assert.Equal(MultiState.Off, Multi().Step(lowCell, Env(false), 0).State);
        var withMains = Multi().Step(lowCell, Env(true), 0);
        Assert.Equal(MultiState.ChargerOnly, withMains.State);
        Assert.Equal(50, withMains.ChargeLimit);
        Assert.Equal(0, withMains.DischargeCurrent);
        Assert.True(withMains.IsOn);
    }

    [Fact]
    public void With_mains_and_everything_allowed_it_charges_and_could_invert()
    {
        Assert.Equal(MultiState.Charging, Multi().Step(AllGood, Env(true), 0).State);
    }

    [Fact]
    [Trait("Covers", "V2-05")]
    public void Charge_reduction_charges_with_the_reduced_current()
    {
        var o = Multi(new MultiParameters { ReducedChargeCurrent = 7 }).Step(AllGood with { AllowToCharge = false, ChargeReduction = true }, Env(true), 0);

        Assert.Equal(MultiState.ReducedCharging, o.State);
        Assert.Equal(7, o.ChargeLimit);
    }

    [Fact]
    [Trait("Covers", "V2-05")]
    public void AllowToCharge_off_without_reduction_stops_charging_and_passes_AC_through()
    {
        var o = Multi().Step(AllGood with { AllowToCharge = false }, Env(true), 0);

        Assert.Equal(MultiState.PassThru, o.State);
        Assert.Equal(0, o.ChargeLimit);
    }

    [Fact]
    [Trait("Covers", "V2-08")]
    public void LowPowerMode_keeps_it_in_low_power_even_with_mains()
    {
        var o = Multi().Step(AllGood with { LowPowerMode = true }, Env(true), 0);

        Assert.Equal(MultiState.LowPower, o.State);
        Assert.Equal(0, o.ChargeLimit);
        Assert.False(o.IsOn);
    }

    [Fact]
    public void Charger_only_never_inverts()
    {
        Assert.Equal(MultiState.Off, Multi().Step(AllGood, Env(false, MultiSwitch.ChargerOnly), 0).State);
        Assert.Equal(MultiState.ChargerOnly, Multi().Step(AllGood, Env(true, MultiSwitch.ChargerOnly), 0).State);
    }

    [Fact]
    [Trait("Covers", "V2-18")]
    public void In_emergency_mode_it_charges_at_most_5_A_up_to_the_nominal_voltage_and_never_inverts()
    {
        var multi = Multi();
        var lost = AllGood with { BmsPresent = false, EmergencyMode = true };

        var emergency = multi.Step(lost, Env(true), 0);
        Assert.Equal(MultiState.Emergency, emergency.State);
        Assert.Equal(5, emergency.ChargeLimit);
        Assert.Equal(12, emergency.ChargeVoltage);
        var noMains = multi.Step(lost, Env(false), 100);
        Assert.Equal(MultiState.Off, noMains.State);
        Assert.Equal(0, noMains.DischargeCurrent);
    }

    [Fact]
    public void While_frames_are_late_but_within_the_timeout_it_goes_by_the_last_frame()
    {
        var late = AllGood with { BmsPresent = false, EmergencyMode = false };

        Assert.Equal(MultiState.Inverting, Multi().Step(late, Env(false), 0).State);
    }

    [Fact]
    public void Before_any_BMS_frame_it_neither_charges_nor_inverts()
    {
        Assert.Equal(MultiState.PassThru, Multi().Step(default, Env(true), 0).State);
        Assert.Equal(MultiState.Off, Multi().Step(default, Env(false), 0).State);
    }

    [Fact]
    [Trait("Covers", "V2-19")]
    public void An_old_style_Multi_stays_off_after_a_low_cell_shutdown_unless_a_mains_detector_restarts_it()
    {
        var lowCell = AllGood with { AllowToDischarge = false };
        var without = Multi(new MultiParameters { OldStyle = true });
        var with = Multi(new MultiParameters { OldStyle = true, MainsDetector = true });
        without.Step(lowCell, Env(false), 0);
        with.Step(lowCell, Env(false), 0);

        Assert.Equal(MultiState.Off, without.Step(lowCell, Env(true), 100).State);
        Assert.Equal(MultiState.ChargerOnly, with.Step(lowCell, Env(true), 100).State);
    }

    [Fact]
    [Trait("Covers", "V2-19")]
    public void A_new_style_Multi_restarts_on_mains_by_itself()
    {
        var lowCell = AllGood with { AllowToDischarge = false };
        var multi = Multi();
        multi.Step(lowCell, Env(false), 0);

        Assert.Equal(MultiState.ChargerOnly, multi.Step(lowCell, Env(true), 100).State);
    }

    [Theory]
    [InlineData("2629489", false, FirmwareCompatibility.Compatible)]
    [InlineData("2629510", false, FirmwareCompatibility.Compatible)]
    [InlineData("2629488", true, FirmwareCompatibility.CompatibleWithAssistant)]
    [InlineData("2629415", false, FirmwareCompatibility.NeedsAssistant)]
    [InlineData("2629414", true, FirmwareCompatibility.CombinationError)]
    [InlineData("1929495", true, FirmwareCompatibility.UnsupportedProcessor)]
    [InlineData("2023495", false, FirmwareCompatibility.UnsupportedProcessor)]
    [Trait("Covers", "V2-17")]
    public void Firmware_is_checked_as_the_V2_manual_says(string firmware, bool assistant, FirmwareCompatibility expected)
    {
        Assert.Equal(expected, VeBusFirmware.Check(firmware, assistant));
    }

    [Fact]
    [Trait("Covers", "V2-17")]
    public void Firmware_below_415_shows_VE_Bus_error_15_and_does_nothing()
    {
        var o = Multi(new MultiParameters { Firmware = "2629400", Assistant = true }).Step(AllGood, Env(true), 0);

        Assert.Equal(MultiState.Error, o.State);
        Assert.Equal(15, o.VeBusError);
        Assert.Equal(0, o.ChargeLimit);
    }
}
