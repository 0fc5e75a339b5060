using System;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>The link-layer rules of vebus.md, one at a time.</summary>
public sealed class FrameCodecTests
{
    private static string Encode(VeBusFrameKind kind, int frameNumber, string payload, VeBusAddress? address = null)
    {
        var wire = new byte[VeBusFrameCodec.MaxWireLength];
        Assert.True(VeBusFrameCodec.TryEncode(address ?? VeBusAddress.Multi, kind, frameNumber, Hex.Bytes(payload), wire, out var written));
        return Hex.Text(wire.AsSpan(0, written));
    }

    private static VeBusFrameError Decode(string wire) => VeBusFrameCodec.Decode(Hex.Bytes(wire), new byte[VeBusFrameCodec.MaxWireLength], out _);

    [Theory]
    [InlineData("FA", "FA 7A")]
    [InlineData("FB", "FA 7B")]
    [InlineData("FC", "FA 7C")]
    [InlineData("FD", "FA 7D")]
    [InlineData("FE", "FA 7E")]
    [InlineData("FF", "FA 7F")]
    public void Payload_bytes_from_FA_up_are_stuffed_as_FA_then_7x(string payload, string stuffed)
    {
        var wire = Encode(VeBusFrameKind.Data, 0, "01 " + payload + " 02");

        Assert.StartsWith("83 83 FE 00 01 " + stuffed + " 02 ", wire);
    }

    [Fact]
    public void Payload_bytes_below_FA_are_sent_as_they_are()
    {
        var wire = Encode(VeBusFrameKind.Data, 5, "00 55 7F 80 F9");

        Assert.StartsWith("83 83 FE 05 00 55 7F 80 F9 ", wire);
    }

    [Fact]
    public void The_address_is_never_stuffed_and_not_covered_by_the_checksum()
    {
        var a = Encode(VeBusFrameKind.Data, 1, "10 20", new VeBusAddress(0xFA, 0xFB));
        var b = Encode(VeBusFrameKind.Data, 1, "10 20", new VeBusAddress(0x00, 0x01));

        Assert.StartsWith("FA FB FE 01 10 20 ", a);
        Assert.Equal(a.Substring(6), b.Substring(6));
        Assert.Equal(VeBusFrameError.None, Decode(a));
    }

    // For a data frame 83 83 FE 00 [p]: cs = 1 − (FE + 00 + p) = 3 − p (mod 256), so p = 3 − cs chooses the checksum.
    [Theory]
    [InlineData(0xFB, "FA 01")]
    [InlineData(0xFC, "FA 02")]
    [InlineData(0xFD, "FA 03")]
    [InlineData(0xFE, "FA 04")]
    [InlineData(0xFF, "FA 05")]
    public void A_checksum_of_FB_or_more_is_sent_as_FA_then_cs_minus_FA(int checksum, string escaped)
    {
        var p = (byte)(3 - checksum);

        var wire = Encode(VeBusFrameKind.Data, 0, p.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal($"83 83 FE 00 {p:X2} {escaped} FF", wire);
        Assert.Equal(VeBusFrameError.None, Decode(wire));
    }

    [Fact]
    public void A_checksum_of_FA_is_sent_bare_right_before_the_end_byte()
    {
        var wire = Encode(VeBusFrameKind.Data, 0, "09");

        Assert.Equal("83 83 FE 00 09 FA FF", wire);
        Assert.Equal(VeBusFrameError.None, Decode(wire));
    }

    [Fact]
    public void The_checksum_covers_the_stuffed_bytes()
    {
        // Payload FF is sent FA 7F: the checksum is 1 − (FE + 00 + FA + 7F) = 0x8A, not 1 − (FE + 00 + FF) = 0x04.
        Assert.Equal("83 83 FE 00 FA 7F 8A FF", Encode(VeBusFrameKind.Data, 0, "FF"));
    }

    [Fact]
    public void The_sync_marker_55_is_left_out_of_the_checksum()
    {
        // 1 − (FD + 02 + 51 + 18 + 02) = 0x97, the checksum of the vebus.md sync vector.
        Assert.Equal("83 83 FD 02 55 51 18 02 97 FF", Encode(VeBusFrameKind.Sync, 2, "55 51 18 02"));
        Assert.Equal(0x97, VeBusChecksum.Compute(Hex.Bytes("83 83 FD 02 55 51 18 02")));
    }

    [Fact]
    public void A_55_in_a_data_frame_is_counted_in_the_checksum()
    {
        Assert.Equal(unchecked((byte)(1 - 0xFE - 0x02 - 0x55)), VeBusChecksum.Compute(Hex.Bytes("83 83 FE 02 55")));
    }

    [Fact]
    public void Frame_numbers_wrap_from_127_to_0()
    {
        Assert.Equal(0, VeBusFrameNumber.Next(127));
        Assert.Equal(1, VeBusFrameNumber.Next(0));
        Assert.Equal(0x3D, VeBusFrameNumber.Next(0x3C));
    }

    [Fact]
    public void The_encoder_refuses_what_a_receiver_could_not_accept()
    {
        var wire = new byte[VeBusFrameCodec.MaxWireLength];
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, 128, new byte[] { 1 }, wire, out _));
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, -1, new byte[] { 1 }, wire, out _));
        Assert.False(VeBusFrameCodec.TryEncode(new VeBusAddress(0xFF, 0x83), VeBusFrameKind.Data, 0, new byte[] { 1 }, wire, out _));
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Sync, 0, new byte[] { 0x51 }, wire, out _));
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, (VeBusFrameKind)0x12, 0, new byte[] { 1 }, wire, out _));
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, 0, new byte[] { 1, 2 }, new byte[7], out _));
        Assert.False(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, 0, new byte[VeBusFrameCodec.MaxWireLength], wire, out _));
        Assert.True(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, 0, new byte[] { 1, 2 }, new byte[8], out var written));
        Assert.Equal(8, written);
    }

    [Theory]
    [InlineData("83 83 FE 3C 00 E6 87 5A", VeBusFrameError.Truncated)]          // no end byte
    [InlineData("83 83 FE 3C FF", VeBusFrameError.Truncated)]                   // shorter than the smallest frame
    [InlineData("83 83 FC 3C 00 E6 87 5A FF", VeBusFrameError.BadKind)]
    [InlineData("83 83 FE BC 00 E6 87 DA FF", VeBusFrameError.BadFrameNumber)]
    [InlineData("83 83 FD 02 56 51 18 02 96 FF", VeBusFrameError.BadSyncMarker)]
    [InlineData("83 83 FE 3C 00 E6 87 5B FF", VeBusFrameError.BadChecksum)]
    [InlineData("83 83 FE 3C 00 E6 88 5A FF", VeBusFrameError.BadChecksum)]
    [InlineData("83 83 FE 00 FA 00 05 FF", VeBusFrameError.BadStuffing)]       // FA 00 is no stuffed byte
    [InlineData("83 83 FE 00 FA 79 0E FF", VeBusFrameError.BadStuffing)]       // F9 is never stuffed
    [InlineData("83 83 FE 00 FD 06 FF", VeBusFrameError.BadStuffing)]          // bare FD inside a frame
    [InlineData("83 83 FE 00 09 FA 06 FF", VeBusFrameError.BadStuffing)]       // checksum escape beyond FA 05
    [InlineData("83 83 FE 00 09 FA 00 FF", VeBusFrameError.BadStuffing)]       // a checksum of FA is sent bare
    [InlineData("83 83 FE 00 08 FB FF", VeBusFrameError.BadStuffing)]          // a checksum of FB must be escaped
    public void Invalid_frames_are_rejected_with_their_reason(string wire, VeBusFrameError expected)
    {
        Assert.Equal(expected, Decode(wire));
    }

    [Fact]
    public void A_frame_longer_than_the_limit_is_rejected_as_too_long()
    {
        var wire = new byte[VeBusFrameCodec.MaxWireLength + 1];
        Hex.Bytes("83 83 FE 00").CopyTo(wire, 0);
        wire[^1] = 0xFF;

        Assert.Equal(VeBusFrameError.TooLong, VeBusFrameCodec.Decode(wire, new byte[VeBusFrameCodec.MaxWireLength], out _));
    }

    [Fact]
    public void An_empty_data_frame_is_a_frame()
    {
        // cs = 1 − (FE + 07) = FC, sent escaped.
        var wire = Encode(VeBusFrameKind.Data, 7, "");

        Assert.Equal("83 83 FE 07 FA 02 FF", wire);
        Assert.Equal(VeBusFrameError.None, Decode(wire));
    }
}
