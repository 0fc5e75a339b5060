using System;
using System.Linq;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>The streaming receiver: frames out of a byte stream, rejections with reasons, resynchronisation.</summary>
public sealed class ReceiverTests
{
    private static readonly byte[] Sync = Hex.Bytes(PublicVectors.Sync.Wire);
    private static readonly byte[] Reply = Hex.Bytes(PublicVectors.RamVarWritten.Wire);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void A_frame_split_across_reads_is_reassembled()
    {
        var recorder = new FrameRecorder();
        var receiver = new VeBusReceiver(recorder);

        receiver.Feed(Sync.AsSpan(0, 3));
        Assert.Empty(recorder.Events);
        Assert.Equal(3, receiver.Pending);
        receiver.Feed(Sync.AsSpan(3));

        Assert.Equal(PublicVectors.Sync.Wire, Hex.Text(Assert.Single(recorder.Frames).Wire));
        Assert.Equal(0, receiver.Pending);
    }

    [Fact]
    public void Noise_before_a_frame_is_reported_as_garbage_and_the_frame_still_arrives()
    {
        var received = FrameRecorder.Receive(Concat(Hex.Bytes("12 34"), Sync));

        var rejection = Assert.Single(received.Rejections);
        Assert.Equal(VeBusFrameError.Garbage, rejection.Error);
        Assert.Equal("12 34", Hex.Text(rejection.Bytes));
        Assert.Equal(PublicVectors.Sync.Wire, Hex.Text(Assert.Single(received.Frames).Wire));
    }

    [Fact]
    public void A_frame_that_lost_its_end_byte_is_reported_truncated_and_the_next_frame_arrives()
    {
        var cut = Reply.AsSpan(0, Reply.Length - 1).ToArray();

        var received = FrameRecorder.Receive(Concat(cut, Sync));

        var rejection = Assert.Single(received.Rejections);
        Assert.Equal(VeBusFrameError.Truncated, rejection.Error);
        Assert.Equal(cut, rejection.Bytes);
        Assert.Equal(PublicVectors.Sync.Wire, Hex.Text(Assert.Single(received.Frames).Wire));
    }

    [Fact]
    public void A_corrupted_frame_is_rejected_with_bad_checksum_and_the_next_frame_arrives()
    {
        var corrupted = (byte[])Reply.Clone();
        corrupted[6] ^= 0x01;

        var received = FrameRecorder.Receive(Concat(corrupted, Sync));

        Assert.Equal(VeBusFrameError.BadChecksum, Assert.Single(received.Rejections).Error);
        Assert.Equal(PublicVectors.Sync.Wire, Hex.Text(Assert.Single(received.Frames).Wire));
    }

    [Fact]
    public void A_run_without_end_byte_is_reported_too_long_and_a_later_frame_still_arrives()
    {
        var run = Concat(Hex.Bytes("83 83 FE 01"), Enumerable.Repeat((byte)0x11, 200).ToArray());

        var received = FrameRecorder.Receive(Concat(run, Sync));

        Assert.Contains(received.Rejections, r => r.Error == VeBusFrameError.TooLong);
        Assert.Equal(PublicVectors.Sync.Wire, Hex.Text(Assert.Single(received.Frames).Wire));
        Assert.Equal(run.Length + Sync.Length, received.BytesReported);
    }

    [Fact]
    public void Flush_reports_the_bytes_held_as_truncated()
    {
        var recorder = new FrameRecorder();
        var receiver = new VeBusReceiver(recorder);
        receiver.Feed(Reply.AsSpan(0, 5));

        receiver.Flush();

        var rejection = Assert.Single(recorder.Rejections);
        Assert.Equal(VeBusFrameError.Truncated, rejection.Error);
        Assert.Equal(5, rejection.Bytes.Length);
        Assert.Equal(0, receiver.Pending);
    }

    [Fact]
    public void Joining_the_bus_mid_frame_costs_only_that_frame()
    {
        var received = FrameRecorder.Receive(Concat(Reply.AsSpan(4).ToArray(), Sync, Reply));

        Assert.Single(received.Rejections);
        Assert.Equal(new[] { PublicVectors.Sync.Wire, PublicVectors.RamVarWritten.Wire }, received.Frames.Select(f => Hex.Text(f.Wire)));
    }

    // What the one-byte checksum cannot do (docs/vebus.md, "What the checksum guarantees").
    [Fact]
    public void A_changed_address_byte_is_not_covered_by_the_checksum()
    {
        var changed = (byte[])Reply.Clone();
        changed[1] = 0x84;

        var frame = Assert.Single(FrameRecorder.Receive(changed).Frames);

        Assert.Equal(new VeBusAddress(0x83, 0x84), frame.Address);
    }

    [Fact]
    public void A_byte_changed_to_FF_can_split_off_a_shorter_frame_that_passes_the_one_byte_checksum()
    {
        // 83 83 FE 00 03 10 20 ..: the prefix up to the 03 sums to FE + 00 + 03 = 0x101, so if the 10 turns into FF
        // the bytes 83 83 FE 00 03 FF are a valid empty frame (checksum 03). The rest is rejected.
        var wire = new byte[VeBusFrameCodec.MaxWireLength];
        Assert.True(VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, 0, Hex.Bytes("03 10 20"), wire, out var written));
        var corrupted = wire.AsSpan(0, written).ToArray();
        corrupted[5] = 0xFF;

        var received = FrameRecorder.Receive(corrupted);

        var frame = Assert.Single(received.Frames);
        Assert.Equal("83 83 FE 00 03 FF", Hex.Text(frame.Wire));
        Assert.Empty(frame.Payload);
        Assert.NotEmpty(received.Rejections);
    }
}
