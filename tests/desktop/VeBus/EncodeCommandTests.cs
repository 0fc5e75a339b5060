using System;
using System.IO;
using BmsRules.Desktop.Commands;
using Xunit;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary><c>bms vebus encode</c>: BMS frames from options, for bench testing.</summary>
public sealed class EncodeCommandTests
{
    private static (int Code, string Output, string Error) Encode(bool[] flags, string[]? sets = null, int frameNumber = 0)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = VeBusEncodeCommand.Run(flags, sets ?? Array.Empty<string>(), frameNumber, "VeBusBmsV2", output, error);
        return (code, output.ToString().Trim(), error.ToString());
    }

    private static bool[] Flags(bool charge = false, bool discharge = false, bool reduction = false, bool lowPower = false) =>
        new[] { charge, discharge, reduction, lowPower };

    [Fact]
    public void Allow_charge_and_discharge_at_frame_61_gives_this_frame()
    {
        var (code, output, _) = Encode(Flags(charge: true, discharge: true), frameNumber: 61);

        Assert.Equal(0, code);
        Assert.Equal("83 83 FE 3D 60 03 F4 7C 11 E2 FF", output);
    }

    [Fact]
    public void Every_flag_option_sets_its_own_bit()
    {
        Assert.Equal("83 83 FE 00 60 01 F4 7C 11 21 FF", Encode(Flags(charge: true)).Output);
        Assert.Equal("83 83 FE 00 60 02 F4 7C 11 20 FF", Encode(Flags(discharge: true)).Output);
        Assert.Equal("83 83 FE 00 60 04 F4 7C 11 1E FF", Encode(Flags(reduction: true)).Output);
        Assert.Equal("83 83 FE 00 60 10 F4 7C 11 12 FF", Encode(Flags(lowPower: true)).Output);
    }

    [Fact]
    public void Set_changes_a_constant_and_stuffs_what_needs_it()
    {
        // 0xFFFFFF: every version byte must be stuffed.
        var (code, output, _) = Encode(Flags(), new[] { "Version=16777215" });

        Assert.Equal(0, code);
        Assert.StartsWith("83 83 FE 00 60 00 FA 7F FA 7F FA 7F ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void What_encode_prints_decode_reads_back()
    {
        var (_, frame, _) = Encode(Flags(discharge: true, lowPower: true), frameNumber: 127);
        var output = new StringWriter();

        var code = VeBusDecodeCommand.Run("-", false, "VeBusBmsV2", new StringReader(frame), output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("fn=127 bms-frame(provisional) AllowToCharge=0 AllowToDischarge=1 ChargeReduction=0 LowPowerMode=1 Version=1146100",
            output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(128, null, "--frame-number must be 0..127, not 128")]
    [InlineData(0, "Foo=1", "has no field 'Foo'. Known: AllowToCharge")]
    [InlineData(0, "AllowToCharge=2", "AllowToCharge is one bit")]
    [InlineData(0, "Version=16777216", "does not fit in 3 byte(s)")]
    [InlineData(0, "Version", "is not FIELD=VALUE")]
    [InlineData(0, "Version=-1", "is not a whole number")]
    public void Bad_options_are_reported_with_exit_2(int frameNumber, string? set, string message)
    {
        var (code, output, error) = Encode(Flags(), set is null ? null : new[] { set }, frameNumber);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
