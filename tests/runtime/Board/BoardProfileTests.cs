using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;
using Xunit;
using static BmsRules.Runtime.Tests.Board.BoardVariants;

namespace BmsRules.Runtime.Tests.Board;

public sealed class BoardProfileTests
{
    private static readonly EngineDescriptor Engine = VeBusBmsV2Engine.Info;

    [Fact]
    public void Every_input_mode_of_the_spec_gives_a_feather_profile_that_fits_the_V2_engine()
    {
        Assert.Equal(2, Spec.Modes.Count);
        foreach (var mode in Spec.Modes) Assert.Empty(BoardProfiles.MeadowF7FeatherV2In(mode.Name).Check(Engine));
    }

    [Fact]
    public void The_default_feather_profile_runs_the_spec_boards_default_input_mode_and_its_settings()
    {
        Assert.Equal(VeBusBmsV2Board.DefaultInputMode, Feather.Mode.Name);
        Assert.True(Feather.Mode.IsDefault);
        var mode = Spec.DefaultMode;
        Assert.Equal(mode.SettingNames.Count, Feather.Settings.Count);
        for (var i = 0; i < mode.SettingNames.Count; i++) Assert.Equal(mode.SettingValues[i], Feather.Settings[mode.SettingNames[i]]);
    }

    [Fact]
    public void The_board_runs_battery_signal_mode_by_default_while_the_engine_setting_defaults_to_measured_data()
    {
        // The spec's board section says why the two differ (input_modes: BtvSignals, simulator:); this pins both facts.
        Assert.Equal("BtvSignals", VeBusBmsV2Board.DefaultInputMode);
        Assert.Equal(1d, Feather.Settings["UseBtvSignals"]);
        Assert.Equal(0d, Engine.Settings[Engine.Setting("UseBtvSignals")].Default);
        Assert.Equal(0d, BoardProfiles.MeadowF7FeatherV2In("BatteryMonitor").Settings["UseBtvSignals"]);
    }

    [Fact]
    public void Input_pins_dividers_and_levels_come_from_the_spec_bindings()
    {
        foreach (var binding in Spec.Inputs.Where(b => b.AppliesIn(Feather.Mode.Name)))
        {
            switch (binding.Kind)
            {
                case BoardInputKind.Adc:
                    var analog = Feather.For(binding.Input);
                    Assert.Equal((binding.Pin, PinRole.AnalogInput), (analog.Pin, analog.Role));
                    Assert.Equal((binding.DividerTopOhms + binding.DividerBottomOhms) / binding.DividerBottomOhms, analog.Divider!.Ratio, 12);
                    break;
                case BoardInputKind.Opto:
                    var digital = Feather.For(binding.Input);
                    Assert.Equal((binding.Pin, PinRole.DigitalInput, binding.ActiveLow), (digital.Pin, digital.Role, digital.ActiveLow));
                    break;
                case BoardInputKind.Constant:
                    Assert.Equal(binding.ConstantValue, Feather.ConstantInputs[binding.Input]);
                    break;
                case BoardInputKind.VeBus:
                    Assert.Equal(binding.Input, Feather.LinkInput);
                    break;
            }
        }
    }

    [Fact]
    public void Remote_loop_and_boot_loader_are_constants_with_a_reason_in_the_spec()
    {
        foreach (var name in new[] { "RemoteLoopClosed", "Bootloader" })
        {
            var binding = Spec.Inputs.Single(b => b.Input == name);
            Assert.Equal(BoardInputKind.Constant, binding.Kind);
            Assert.Equal(0d, binding.ConstantValue);
            Assert.Contains("assumption:", binding.Provenance);
        }
        Assert.Contains("pull-up", Spec.Inputs.Single(b => b.Input == "RemoteLoopClosed").Provenance);
    }

    [Fact]
    public void Inputs_of_the_other_mode_are_unbound_with_the_mode_as_reason()
    {
        Assert.Equal("used only in input mode BatteryMonitor", Feather.UnboundInputs["CellMinVoltage"]);
        var monitor = BoardProfiles.MeadowF7FeatherV2In("BatteryMonitor");
        Assert.Equal("used only in input mode BtvSignals", monitor.UnboundInputs["BtvAllowCharge"]);
        Assert.Equal(new[] { "CellMinVoltage", "CellMaxVoltage", "BatteryTemperature", "BatteryDataSequence" }, monitor.BatteryMonitorInputs);
        Assert.False(Feather.UsesBatteryMonitor);
    }

    [Fact]
    public void Timing_and_adc_come_from_the_spec()
    {
        Assert.Equal(VeBusBmsV2Board.ControlPeriodMilliseconds, Feather.Timing.ControlPeriodMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogTimeoutMilliseconds, Feather.Timing.WatchdogTimeoutMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogResetIntervalMilliseconds, Feather.Timing.WatchdogResetIntervalMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogStallAfterMilliseconds, Feather.Timing.StallAfterMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogWarmUpMilliseconds, Feather.Timing.WarmUpMs);
        Assert.Equal((VeBusBmsV2Board.AdcBits, VeBusBmsV2Board.AdcReferenceVolts, VeBusBmsV2Board.AdcFullScaleMarginCounts),
            (Feather.Adc.Bits, Feather.Adc.ReferenceVolts, Feather.Adc.ClipMarginCounts));
    }

    [Fact]
    public void The_pin_map_puts_ve_bus_on_COM4_and_the_terminals_on_D02_to_D04()
    {
        Assert.Equal("COM4", Feather.VeBus.PortName);
        Assert.Equal(256_000, Feather.VeBus.BaudRate);
        Assert.Equal("D01", Feather.Pins.Single(p => p.Role == PinRole.SerialTransmit).Pin);
        Assert.Equal("D00", Feather.Pins.Single(p => p.Role == PinRole.SerialReceive).Pin);
        Assert.Equal("D02", Feather.For("LoadDisconnect").Pin);
        Assert.Equal("D03", Feather.For("ChargeDisconnect").Pin);
        Assert.Equal("D04", Feather.For("PreAlarm").Pin);
    }

    [Fact]
    public void The_engine_descriptor_carries_the_spec_board_section()
    {
        Assert.Same(VeBusBmsV2Board.Info, Engine.Board);
        Assert.Same(VeBusBmsV2Board.Info, Feather.Board);
    }

    [Fact]
    public void A_pin_used_twice_is_reported()
    {
        var pins = HardwarePins.Select(p => p.Signal == "PreAlarm" ? PinAssignment.Terminal("A00", "PreAlarm", "") : p).ToList();
        Assert.Contains("Pin A00 is assigned twice.", Profile(hardwarePins: pins).Check(Engine));
    }

    [Fact]
    public void An_output_without_a_terminal_is_reported()
    {
        var pins = HardwarePins.Where(p => p.Signal != "ChargeDisconnect").ToList();
        Assert.Contains("Output ChargeDisconnect has no terminal pin.", Profile(hardwarePins: pins).Check(Engine));
    }

    [Fact]
    public void An_led_without_a_pin_is_reported()
    {
        var pins = HardwarePins.Where(p => p.Signal != "CellAbove4VLed").ToList();
        Assert.Contains("LED CellAbove4VLed has no pin.", Profile(hardwarePins: pins).Check(Engine));
    }

    [Fact]
    public void An_input_the_board_section_does_not_feed_is_reported()
    {
        var board = BoardWith(inputs: all => all.Where(b => b.Input != "Bootloader"));
        Assert.Contains("Input Bootloader is neither wired nor listed as unbound.", Profile(board).Check(Engine));
    }

    [Fact]
    public void An_input_fed_twice_is_reported()
    {
        var board = BoardWith(inputs: all => all.Concat(new[] { Rebind(all.Single(b => b.Input == "BatteryVoltage"), pin: "A04") }));
        Assert.Contains("Input BatteryVoltage is fed 2 times.", Profile(board).Check(Engine));
    }

    [Fact]
    public void A_divider_that_clips_inside_an_inputs_valid_range_is_reported()
    {
        // ×11: 36 V full scale, the battery is valid up to 70 V.
        var board = BoardWith(inputs: all => all.Select(b => b.Input == "BatteryVoltage" ? Rebind(b, topOhms: 100_000) : b));
        Assert.Contains(Profile(board).Check(Engine), p => p.StartsWith("The divider on A00 measures up to 36", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_out_of_its_range_is_reported()
    {
        var modes = new[] { new BoardInputMode("BtvSignals", true, new[] { "UseBtvSignals", "PreAlarmLevel" }, new[] { 1d, 3.5 }, null) };
        Assert.Contains(Profile(BoardWith(modes: modes)).Check(Engine), p => p.StartsWith("Setting PreAlarmLevel = 3.5", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_watchdog_timeout_the_F7_cannot_count_is_reported()
    {
        var board = BoardWith(watchdog: new BoardWatchdog(40_000, 1_000, 2_000, 5_000));
        Assert.Contains(Profile(board).Check(Engine), p => p.StartsWith("Watchdog timing:", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_stall_limit_shorter_than_two_control_periods_is_reported()
    {
        Assert.Contains("The stall limit must span at least two control periods.", Profile(BoardWith(controlPeriodMs: 1_500)).Check(Engine));
    }

    [Fact]
    public void Composing_a_profile_that_does_not_fit_fails_at_start_up_with_every_problem()
    {
        var pins = HardwarePins.Where(p => p.Signal != "ChargeDisconnect" && p.Signal != "StatusLed").ToList();
        var error = Assert.Throws<System.InvalidOperationException>(() =>
            BoardComposer.Compose(Profile(hardwarePins: pins), new FakeBoardIo(), new BmsRules.Runtime.Hardware.ManualClock()));
        Assert.Contains("ChargeDisconnect", error.Message);
        Assert.Contains("StatusLed", error.Message);
    }

    [Fact]
    public void A_pin_the_board_does_not_have_fails_at_start_up()
    {
        var pins = HardwarePins.Select(p => p.Signal == "StatusLed" ? PinAssignment.Led("D42", "StatusLed", "") : p).ToList();
        Assert.Throws<System.ArgumentException>(() => BoardComposer.Compose(Profile(hardwarePins: pins), new FakeBoardIo(), new BmsRules.Runtime.Hardware.ManualClock()));
    }

    [Fact]
    public void An_input_mode_the_spec_does_not_have_fails_at_start_up() =>
        Assert.Throws<System.ArgumentException>(() => BoardProfiles.MeadowF7FeatherV2In("Cells"));

    [Fact]
    public void Every_pin_of_the_feather_profiles_is_in_the_hardware_wiring_table()
    {
        var doc = RepositoryFiles.Read("docs/hardware.md");
        foreach (var mode in Spec.Modes)
        {
            foreach (var pin in BoardProfiles.MeadowF7FeatherV2In(mode.Name).Pins) Assert.Contains($"| {pin.Pin} | {pin.Signal} |", doc);
        }
    }

    [Fact]
    public void The_ve_bus_uart_character_takes_39_microseconds_and_a_20_ms_slot_holds_512_characters()
    {
        var veBus = SerialSettings.VeBus("COM4");
        Assert.Equal(10, veBus.BitsPerCharacter);
        Assert.Equal(39.0625, veBus.CharacterMicroseconds, 4);
        Assert.Equal(512, (int)(20_000 / veBus.CharacterMicroseconds));
    }
}
