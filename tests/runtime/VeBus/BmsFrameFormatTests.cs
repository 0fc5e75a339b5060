using System;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>The BMS frame comes from the spec's provisional vebus section and nowhere else.</summary>
public sealed class BmsFrameFormatTests
{
    private static readonly VeBusLayout Layout = VeBusBmsV2Engine.Info.VeBus!;

    private static byte[] Frame(EngineDriver driver, VeBusBmsFrameFormat format, int frameNumber = 0)
    {
        var wire = new byte[format.MaxWireLength];
        Assert.True(format.TryEncode(driver.Engine, frameNumber, wire, out var written));
        return wire.AsSpan(0, written).ToArray();
    }

    private static RecordedFrame Decoded(byte[] wire) => Assert.Single(FrameRecorder.Receive(wire).Frames);

    [Fact]
    public void The_V2_frame_layout_is_marked_provisional()
    {
        Assert.True(Layout.Provisional);
        Assert.Contains("assumption:", Layout.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_V2_sends_a_data_frame_to_the_layout_address_with_the_layout_command()
    {
        var driver = new EngineDriver(new VeBusBmsV2Engine()).RunningV2();
        var format = new VeBusBmsFrameFormat(Layout);

        var frame = Decoded(Frame(driver, format, 0x21));

        Assert.Equal(new VeBusAddress(Layout.AddressHigh, Layout.AddressLow), frame.Address);
        Assert.Equal(VeBusFrameKind.Data, frame.Kind);
        Assert.Equal(0x21, frame.FrameNumber);
        Assert.Equal(Layout.Command, frame.Payload[0]);
        Assert.Equal(1 + Layout.PayloadLength, frame.Payload.Length);
    }

    [Theory]
    [InlineData("AllowToCharge", "AllowToCharge")]
    [InlineData("AllowToDischarge", "AllowToDischarge")]
    [InlineData("ChargeReduction", "ChargeReduction")]
    [InlineData("LowPowerMode", "HoldMultiLowPower")]
    [Trait("Covers", "V2-04")]
    [Trait("Covers", "V2-05")]
    [Trait("Covers", "V2-06")]
    [Trait("Covers", "V2-08")]
    public void Each_flag_field_carries_its_engine_flag(string field, string flag)
    {
        var driver = new EngineDriver(new VeBusBmsV2Engine()).RunningV2();
        var format = new VeBusBmsFrameFormat(Layout);
        var index = format.Field(field);
        Assert.Equal(driver.D.Flag(flag), Layout.Fields[index].Flag);

        // Healthy; then a high cell and a low (pre-alarm) cell; then a long undervoltage; then remote off.
        // Across these every carried flag is seen both set and clear.
        var seen = new System.Collections.Generic.HashSet<bool>();
        void Check()
        {
            var bit = format.ReadField(Decoded(Frame(driver, format)).Payload, index);
            Assert.Equal(driver.Flag(flag) ? 1 : 0, bit);
            seen.Add(driver.Flag(flag));
        }
        Check();
        driver.Set("CellMaxVoltage", 4.1).Set("CellMinVoltage", 3.0).Run(1_000);
        Check();
        driver.Set("CellMinVoltage", 2.7).Run(40_000);
        Check();
        driver.Set("RemoteLoopClosed", false).Run(1_000);
        Check();
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    public void The_frame_carries_no_pre_alarm_so_a_pre_alarm_does_not_change_it()
    {
        var format = new VeBusBmsFrameFormat(Layout);
        Assert.DoesNotContain(Layout.Fields, f => f.Name.Contains("PreAlarm", StringComparison.OrdinalIgnoreCase));
        var healthy = Frame(new EngineDriver(new VeBusBmsV2Engine()).RunningV2(), format);

        // A low cell for 2 s: the pre-alarm is up, the loads still connected (the 30 s minimum has not passed).
        var warned = new EngineDriver(new VeBusBmsV2Engine()).RunningV2().Set("CellMinVoltage", 3.0).Run(2_000);
        Assert.True(warned.Flag("PreAlarmActive"));
        Assert.True(warned.Flag("AllowToDischarge"));

        Assert.Equal(Hex.Text(healthy), Hex.Text(Frame(warned, format)));
    }

    [Fact]
    public void The_version_field_carries_1146100_little_endian_which_marks_a_V2()
    {
        var driver = new EngineDriver(new VeBusBmsV2Engine()).RunningV2();
        var format = new VeBusBmsFrameFormat(Layout);

        var payload = Decoded(Frame(driver, format)).Payload;

        Assert.Equal(1146100, format.ReadField(payload, format.Field("Version")));
        Assert.Equal("F4 7C 11", Hex.Text(payload.AsSpan(2, 3)));
    }

    [Fact]
    public void Bits_no_field_names_stay_zero()
    {
        var driver = new EngineDriver(new VeBusBmsV2Engine()).RunningV2().Set("CellMaxVoltage", 4.1).Run(1_000);
        var format = new VeBusBmsFrameFormat(Layout);
        var used = 0;
        foreach (var f in Layout.Fields) if (f.IsFlag && f.Byte == 0) used |= 1 << f.Bit;

        var payload = Decoded(Frame(driver, format)).Payload;

        Assert.Equal(0, payload[1] & ~used);
    }

    [Fact]
    public void Values_per_field_encode_the_same_frame_as_an_engine_with_those_flags()
    {
        var driver = new EngineDriver(new VeBusBmsV2Engine()).RunningV2();
        var format = new VeBusBmsFrameFormat(Layout);
        var values = format.DefaultValues();
        for (var i = 0; i < values.Length; i++)
        {
            if (Layout.Fields[i].IsFlag) values[i] = driver.Engine.GetFlag(Layout.Fields[i].Flag) ? 1 : 0;
        }
        var wire = new byte[format.MaxWireLength];

        Assert.True(format.TryEncode(values, 0, wire, out var written));

        Assert.Equal(Hex.Text(Frame(driver, format)), Hex.Text(wire.AsSpan(0, written)));
    }

    [Fact]
    public void A_capture_corrects_the_frame_in_the_spec_alone()
    {
        // What a bus capture would change: the command byte, the address and where a flag sits.
        var spec = SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "command: 0x60", "command: 0x42");
        spec = SpecFiles.ReplaceOnce(spec, "address: \"83 83\"", "address: \"20 01\"");
        spec = SpecFiles.ReplaceOnce(spec, "{ name: AllowToCharge, flag: AllowToCharge, byte: 0, bit: 0 }", "{ name: AllowToCharge, flag: AllowToCharge, byte: 4, bit: 7 }");
        var engine = InMemoryEngineCompiler.Compile(spec).Create("VeBusBmsV2");
        var driver = new EngineDriver(engine).RunningV2();
        var format = new VeBusBmsFrameFormat(engine.Descriptor.VeBus!);

        var frame = Decoded(Frame(driver, format));

        Assert.Equal(new VeBusAddress(0x20, 0x01), frame.Address);
        Assert.Equal(0x42, frame.Payload[0]);
        Assert.Equal(6, frame.Payload.Length);
        Assert.True(driver.Flag("AllowToCharge"));
        Assert.Equal(0x80, frame.Payload[5]);
        Assert.Equal(0, frame.Payload[1] & 0x01);
    }

    [Fact]
    public void Asking_for_a_field_the_layout_lacks_names_the_fields_it_has()
    {
        var format = new VeBusBmsFrameFormat(Layout);

        var error = Assert.Throws<ArgumentException>(() => format.Field("StateOfCharge"));

        Assert.Contains("AllowToCharge", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, format.FieldIndex("StateOfCharge"));
    }
}
