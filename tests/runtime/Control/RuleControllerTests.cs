using System;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using Xunit;

namespace BmsRules.Runtime.Tests.Control;

public sealed class RuleControllerTests
{
    private sealed class Rig
    {
        public ManualClock Clock { get; } = new();
        public FakeSource CellMin { get; } = new(3.30);
        public FakeSource CellMax { get; } = new(3.35);
        public FakeSource Temperature { get; } = new(20);
        public CountingSource Sequence { get; } = new();
        public FakeSource Battery { get; } = new(13.2);
        public FakeSource Loop { get; } = new(1);
        public FakeTerminal Atd { get; } = new();
        public FakeTerminal Atc { get; } = new();
        public FakeTerminal PreAlarm { get; } = new();
        public FakeLed Status { get; } = new();
        public RuleController Controller { get; }

        public Rig(Microsoft.Extensions.Logging.ILogger? logger = null)
        {
            var bindings = new ControllerBindings()
                .Input("CellMinVoltage", CellMin).Input("CellMaxVoltage", CellMax).Input("BatteryTemperature", Temperature)
                .Input("BatteryDataSequence", Sequence).Input("BatteryVoltage", Battery).Input("RemoteLoopClosed", Loop)
                .Input("MultiOn", new FakeSource(1))
                .Output("LoadDisconnect", Atd).Output("ChargeDisconnect", Atc).Output("PreAlarm", PreAlarm)
                .Led("StatusLed", Status);
            Controller = new RuleController(new VeBusBmsV2Engine(), Clock, bindings, logger);
        }

        public void Run(long ms, long dt = 100)
        {
            for (long t = 0; t < ms; t += dt)
            {
                Clock.Advance(dt);
                Controller.Tick();
            }
        }
    }

    [Fact]
    public void Power_up_drives_every_bound_terminal_floating_before_the_first_tick()
    {
        var rig = new Rig();
        Assert.Equal(new[] { OutputLevel.Floating }, rig.Atd.History);
        Assert.Equal(new[] { OutputLevel.Floating }, rig.Atc.History);
        Assert.Equal(new[] { OutputLevel.Floating }, rig.PreAlarm.History);
        Assert.False(rig.Status.Lit);
    }

    [Fact]
    public void Ticks_read_the_hardware_step_the_engine_and_drive_the_terminals()
    {
        var rig = new Rig();
        rig.Run(1_000);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
        Assert.Equal(OutputLevel.High, rig.Atc.Level);
        Assert.Equal(OutputLevel.Floating, rig.PreAlarm.Level);
        Assert.Equal(10, rig.Controller.Ticks);

        rig.CellMax.Value = 4.05;
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
    }

    [Fact]
    public void A_throwing_sensor_becomes_an_invalid_input_and_the_bms_fails_safe()
    {
        var rig = new Rig();
        rig.Run(1_000);
        rig.Temperature.Throws = new TimeoutException("sensor bus timeout");
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
        var engine = rig.Controller.Engine;
        Assert.NotEqual(0UL, engine.ActiveCodes & (1UL << engine.Descriptor.Code("E01")));
    }

    [Fact]
    public void Battery_data_that_stops_arriving_disconnects_after_the_spec_timeout()
    {
        var rig = new Rig();
        rig.Run(1_000);
        rig.Sequence.Frozen = true;
        rig.Run(4_900);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
        rig.Run(200);
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);
    }

    [Fact]
    public void Unknown_binding_names_fail_at_construction_listing_the_known_names()
    {
        var bindings = new ControllerBindings().Output("LoadDisconect", new FakeTerminal());
        var error = Assert.Throws<ArgumentException>(() => new RuleController(new VeBusBmsV2Engine(), new ManualClock(), bindings));
        Assert.Contains("LoadDisconect", error.Message);
        Assert.Contains("LoadDisconnect", error.Message);
    }

    [Fact]
    public void A_table_that_is_not_an_led_cannot_be_bound_to_an_led()
    {
        var bindings = new ControllerBindings().Led("GxPowSource", new FakeLed());
        Assert.Throws<ArgumentException>(() => new RuleController(new VeBusBmsV2Engine(), new ManualClock(), bindings));
    }

    [Fact]
    public void Every_state_output_flag_led_and_code_change_is_logged()
    {
        var log = new RecordingLogger();
        var rig = new Rig(log);
        rig.Run(1_000);
        rig.CellMin.Value = 2.7;
        rig.Run(31_000);

        Assert.Contains(log.Entries, e => e.EventId == 2 && e.Message.Contains("System Starting -> On (RemoteConfirmed)"));
        Assert.Contains(log.Entries, e => e.EventId == 1 && e.Message.Contains("output LoadDisconnect -> High"));
        Assert.Contains(log.Entries, e => e.EventId == 2 && e.Message.Contains("Discharge PreAlarm -> LoadDisconnected (UndervoltageConfirmed)"));
        Assert.Contains(log.Entries, e => e.EventId == 1 && e.Message.Contains("output LoadDisconnect -> Floating"));
        Assert.Contains(log.Entries, e => e.EventId == 3 && e.Message.Contains("flag AllowToDischarge -> False"));
        Assert.Contains(log.Entries, e => e.EventId == 4 && e.Message.Contains("LED CellAbove2V8Led -> Off"));
        Assert.Contains(log.Entries, e => e.EventId == 5 && e.Message.Contains("code A01 raised"));
        Assert.Contains(log.Entries, e => e.EventId == 6 && e.Message.Contains("code I02 cleared"));
        // A change is logged once, not on every tick.
        Assert.Single(log.Entries, e => e.Message.Contains("output LoadDisconnect -> Floating") && !e.Message.StartsWith("100 ms", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_disabled_logger_is_never_asked_to_format_anything()
    {
        var rig = new Rig(new DisabledLogger());
        rig.Run(1_000);
        rig.CellMin.Value = 2.7;
        rig.Run(31_000);
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);
    }
}
