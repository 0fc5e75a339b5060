using System;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// Every fail-safe conversion the spec's board section states (fail_safe:) is what the board does: a reading it
/// cannot trust reaches the engine as NaN (invalid: the input's code, the safe side), and a NaN bool reads false.
/// </summary>
public sealed class FailSafeConversionTests
{
    private static bool Invalid(IRuleEngine engine, string input) => (engine.InvalidInputs & (1UL << engine.Descriptor.Input(input))) != 0;

    [Theory]
    [InlineData(FailSafeKind.SensorException, "NaN")]
    [InlineData(FailSafeKind.AdcScanFailed, "NaN")]
    [InlineData(FailSafeKind.AdcFullScale, "NaN")]
    [InlineData(FailSafeKind.BoolNaN, "false")]
    public void The_spec_states_each_conversion_the_board_applies(FailSafeKind kind, string reads)
    {
        var stated = Assert.Single(VeBusBmsV2Board.Info.FailSafe, f => f.Kind == kind);
        Assert.Equal(reads, stated.Reads);
        Assert.Equal(Enum.GetValues<FailSafeKind>().Length, VeBusBmsV2Board.Info.FailSafe.Count);
    }

    [Fact]
    public void A_sensor_that_throws_reads_NaN_and_its_input_is_invalid()
    {
        var engine = new VeBusBmsV2Engine();
        var terminal = new Control.FakeTerminal();
        var bindings = new ControllerBindings()
            .Input("BatteryVoltage", new Throwing())
            .Output("LoadDisconnect", terminal);
        var controller = new RuleController(engine, new ManualClock(), bindings);

        controller.Tick();

        Assert.True(Invalid(engine, "BatteryVoltage"));
        Assert.NotEqual(0UL, engine.ActiveCodes & (1UL << engine.Descriptor.Code("E03")));
        Assert.Equal(OutputLevel.Floating, terminal.Level);
    }

    [Fact]
    public void A_failed_adc_scan_makes_every_analog_input_NaN()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        rig.Scan.Throws = true;
        rig.Run(100);
        foreach (var binding in VeBusBmsV2Board.Info.Inputs)
        {
            if (binding.Kind == BoardInputKind.Adc) Assert.True(Invalid(rig.Board.Engine, binding.Input), binding.Input);
        }
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);
        Assert.NotEqual(0UL, rig.Board.Engine.ActiveCodes & (1UL << rig.Board.Engine.Descriptor.Code("E03")));
    }

    [Fact]
    public void A_reading_within_the_spec_margin_of_full_scale_is_NaN_and_one_count_below_it_is_a_value()
    {
        var profile = BoardProfiles.MeadowF7FeatherV2;
        var adc = profile.Adc;
        var pin = new Pin();
        var source = new DividedVoltageSource(pin, profile.For("BatteryVoltage").Divider!, adc);

        pin.Volts = adc.CountsToVolts(adc.MaxCount - VeBusBmsV2Board.AdcFullScaleMarginCounts);
        Assert.True(double.IsNaN(source.Read()));
        pin.Volts = adc.CountsToVolts(adc.MaxCount - VeBusBmsV2Board.AdcFullScaleMarginCounts - 1);
        Assert.InRange(source.Read(), 75.8, 75.9);

        // Through the board: a clipped battery sense is an invalid input.
        var rig = new BoardRig().Healthy();
        rig.Scan.SetPinVolts("A00", adc.ReferenceVolts);
        rig.Run(100);
        Assert.True(Invalid(rig.Board.Engine, "BatteryVoltage"));
    }

    [Fact]
    public void A_NaN_bool_input_reads_false()
    {
        static (ulong Codes, OutputLevel Atc) Run(double allowCharge)
        {
            var engine = new VeBusBmsV2Engine();
            var d = engine.Descriptor;
            engine.SetSetting(d.Setting("UseBtvSignals"), 1);
            foreach (var (name, value) in new[] { ("BatteryVoltage", 13.2), ("RemoteLVoltage", 0d), ("RemoteHVoltage", 0d), ("AuxInVoltage", 0d),
                         ("BtvAllowDischarge", 1d), ("BtvPreAlarm", 0d), ("MultiOn", 1d), ("BtvAllowCharge", allowCharge) })
            {
                engine.SetInput(d.Input(name), value);
            }
            for (long t = 0; t <= 10_000; t += 100) engine.Step(t);
            return (engine.ActiveCodes, engine.GetOutput(d.Output("ChargeDisconnect")));
        }

        Assert.Equal(Run(0), Run(double.NaN));
        Assert.Equal(OutputLevel.Floating, Run(double.NaN).Atc);
        Assert.Equal(OutputLevel.High, Run(1).Atc);
    }

    [Fact]
    public void An_opto_input_that_throws_reads_NaN_so_false_and_the_loop_carries_on()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        Assert.Equal(OutputLevel.High, rig.Atc.Level);
        rig.Io.Inputs["D10"].Throws = new InvalidOperationException("GPIO read failed"); // BTV allowed-to-charge
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
        Assert.Equal(0, rig.Runner.Statistics.Failures);
    }

    private sealed class Pin : IVoltageInput
    {
        public double Volts { get; set; }

        public double ReadVolts() => Volts;
    }

    private sealed class Throwing : IInputSource
    {
        public double Read() => throw new TimeoutException("sensor timed out");
    }
}
