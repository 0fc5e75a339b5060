using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class BoardProfileTests
{
    private static readonly EngineDescriptor Engine = VeBusBmsV2Engine.Info;
    private static readonly BoardProfile Feather = BoardProfiles.MeadowF7FeatherV2;

    private static BoardProfile Variant(
        IReadOnlyList<PinAssignment>? pins = null, IReadOnlyDictionary<string, double>? settings = null,
        IReadOnlyDictionary<string, string>? unbound = null, LoopTiming? timing = null, CellDataSource? cellData = null) =>
        new("variant", Feather.ProductId, pins ?? Feather.Pins, Feather.Adc, Feather.VeBus, settings ?? Feather.Settings,
            cellData ?? Feather.CellData, unbound ?? Feather.UnboundInputs, timing ?? Feather.Timing);

    [Fact]
    public void Both_feather_profiles_fit_the_V2_engine()
    {
        Assert.Empty(BoardProfiles.MeadowF7FeatherV2.Check(Engine));
        Assert.Empty(BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor.Check(Engine));
    }

    [Fact]
    public void The_btv_profile_runs_the_engine_with_UseBtvSignals()
    {
        Assert.Equal(CellDataSource.BtvSignals, Feather.CellData);
        Assert.Equal(1d, Feather.Settings[BoardProfile.UseBtvSignalsSetting]);
        Assert.Equal(0d, BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor.Settings[BoardProfile.UseBtvSignalsSetting]);
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
    public void A_pin_used_twice_is_reported()
    {
        var pins = Feather.Pins.Select(p => p.Signal == "PreAlarm" ? PinAssignment.Terminal("D02", "PreAlarm", "") : p).ToList();
        Assert.Contains("Pin D02 is assigned twice.", Variant(pins).Check(Engine));
    }

    [Fact]
    public void An_output_without_a_terminal_is_reported()
    {
        var pins = Feather.Pins.Where(p => p.Signal != "ChargeDisconnect").ToList();
        Assert.Contains("Output ChargeDisconnect has no terminal pin.", Variant(pins).Check(Engine));
    }

    [Fact]
    public void An_led_without_a_pin_is_reported()
    {
        var pins = Feather.Pins.Where(p => p.Signal != "CellAbove4VLed").ToList();
        Assert.Contains("LED CellAbove4VLed has no pin.", Variant(pins).Check(Engine));
    }

    [Fact]
    public void An_input_neither_wired_nor_listed_as_unbound_is_reported()
    {
        var unbound = Feather.UnboundInputs.Where(p => p.Key != "Bootloader").ToDictionary(p => p.Key, p => p.Value);
        Assert.Contains("Input Bootloader is neither wired nor listed as unbound.", Variant(unbound: unbound).Check(Engine));
    }

    [Fact]
    public void An_input_fed_twice_is_reported()
    {
        var unbound = new Dictionary<string, string>(Feather.UnboundInputs) { ["BatteryVoltage"] = "twice" };
        Assert.Contains("Input BatteryVoltage is fed 2 times.", Variant(unbound: unbound).Check(Engine));
    }

    [Fact]
    public void A_divider_that_clips_inside_an_inputs_valid_range_is_reported()
    {
        var small = new VoltageDivider(100_000, 10_000); // ×11: 36 V full scale, battery valid to 70 V
        var pins = Feather.Pins.Select(p => p.Signal == "BatteryVoltage" ? PinAssignment.AnalogInput("A00", "BatteryVoltage", small, "") : p).ToList();
        Assert.Contains(Variant(pins).Check(Engine), p => p.StartsWith("The divider on A00 measures up to 36", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Btv_battery_data_without_UseBtvSignals_is_reported()
    {
        var settings = new Dictionary<string, double> { [BoardProfile.UseBtvSignalsSetting] = 0 };
        Assert.Contains("UseBtvSignals must be 1 when battery data come from BtvSignals.", Variant(settings: settings).Check(Engine));
    }

    [Fact]
    public void A_setting_out_of_its_range_is_reported()
    {
        var settings = new Dictionary<string, double> { [BoardProfile.UseBtvSignalsSetting] = 1, ["PreAlarmLevel"] = 3.5 };
        Assert.Contains(Variant(settings: settings).Check(Engine), p => p.StartsWith("Setting PreAlarmLevel = 3.5", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_watchdog_timeout_the_F7_cannot_count_is_reported()
    {
        var timing = new LoopTiming(100, 40_000, 1_000, 2_000, 0);
        Assert.Contains(Variant(timing: timing).Check(Engine), p => p.StartsWith("Watchdog timing:", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_stall_limit_shorter_than_two_control_periods_is_reported()
    {
        var timing = new LoopTiming(1_500, 8_000, 1_000, 2_000, 0);
        Assert.Contains("The stall limit must span at least two control periods.", Variant(timing: timing).Check(Engine));
    }

    [Fact]
    public void Composing_a_profile_that_does_not_fit_fails_at_start_up_with_every_problem()
    {
        var pins = Feather.Pins.Where(p => p.Signal != "ChargeDisconnect" && p.Signal != "StatusLed").ToList();
        var error = Assert.Throws<System.InvalidOperationException>(() => BoardComposer.Compose(Variant(pins), new FakeBoardIo(), new BmsRules.Runtime.Hardware.ManualClock()));
        Assert.Contains("ChargeDisconnect", error.Message);
        Assert.Contains("StatusLed", error.Message);
    }

    [Fact]
    public void A_pin_the_board_does_not_have_fails_at_start_up()
    {
        var pins = Feather.Pins.Select(p => p.Signal == "StatusLed" ? PinAssignment.Led("D42", "StatusLed", "") : p).ToList();
        Assert.Throws<System.ArgumentException>(() => BoardComposer.Compose(Variant(pins), new FakeBoardIo(), new BmsRules.Runtime.Hardware.ManualClock()));
    }

    [Fact]
    public void Every_pin_of_the_feather_profiles_is_in_the_hardware_wiring_table()
    {
        var doc = RepositoryFiles.Read("docs/hardware.md");
        foreach (var pin in BoardProfiles.MeadowF7FeatherV2.Pins.Concat(BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor.Pins))
        {
            Assert.Contains($"| {pin.Pin} | {pin.Signal} |", doc);
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
