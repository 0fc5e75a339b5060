using System;
using System.Linq;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>Every test vector of vebus.md decodes to its documented fields and re-encodes byte for byte.</summary>
public sealed class PublicVectorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var v in PublicVectors.All) data.Add(v.Name);
        return data;
    }

    private static PublicVector Vector(string name) => PublicVectors.All.Single(v => v.Name == name);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Public_vector_decodes_to_its_documented_address_kind_frame_number_and_payload(string name)
    {
        var v = Vector(name);
        var payload = new byte[VeBusFrameCodec.MaxWireLength];

        var error = VeBusFrameCodec.Decode(Hex.Bytes(v.Wire), payload, out var frame);

        Assert.Equal(VeBusFrameError.None, error);
        Assert.Equal(v.Address, frame.Address.ToString());
        Assert.Equal(v.Sync ? VeBusFrameKind.Sync : VeBusFrameKind.Data, frame.Kind);
        Assert.Equal(v.FrameNumber, frame.FrameNumber);
        Assert.Equal(v.Payload, Hex.Text(frame.Payload));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Public_vector_re_encodes_byte_for_byte_from_its_documented_fields(string name)
    {
        var v = Vector(name);
        var address = Hex.Bytes(v.Address);
        var wire = new byte[VeBusFrameCodec.MaxWireLength];

        var ok = VeBusFrameCodec.TryEncode(new VeBusAddress(address[0], address[1]), v.Sync ? VeBusFrameKind.Sync : VeBusFrameKind.Data,
            v.FrameNumber, Hex.Bytes(v.Payload), wire, out var written);

        Assert.True(ok);
        Assert.Equal(v.Wire, Hex.Text(wire.AsSpan(0, written)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Public_vector_passes_the_receive_sum_rule_and_the_stream_receiver(string name)
    {
        var v = Vector(name);
        var bytes = Hex.Bytes(v.Wire);
        // vebus.md: the sum of b[2..] including the checksum and the end byte is 0 mod 256 (sync: without the 55 marker).
        var sum = bytes.Skip(2).Sum(b => b) - (v.Sync ? 0x55 : 0);
        Assert.Equal(0, sum % 256);

        var received = FrameRecorder.Receive(bytes);

        Assert.Empty(received.Rejections);
        Assert.Equal(v.Wire, Hex.Text(Assert.Single(received.Frames).Wire));
    }

    [Fact]
    public void All_public_vectors_in_one_stream_come_out_as_four_frames_in_order()
    {
        var stream = PublicVectors.All.SelectMany(v => Hex.Bytes(v.Wire)).ToArray();

        var received = FrameRecorder.Receive(stream);

        Assert.Empty(received.Rejections);
        Assert.Equal(PublicVectors.All.Select(v => v.Wire), received.Frames.Select(f => Hex.Text(f.Wire)));
    }
}
