using System;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>The send and receive paths allocate nothing once set up (no GC pauses on the board's 20 ms bus).</summary>
public sealed class AllocationTests
{
    private sealed class CountingSink : IVeBusFrameSink
    {
        public int Frames;
        public int Rejections;

        public void OnFrame(in VeBusFrame frame) => Frames++;

        public void OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes) => Rejections++;
    }

    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Encoding_and_decoding_frames_allocates_nothing()
    {
        var payload = Hex.Bytes(PublicVectors.PhaseInfo.Payload);
        var wire = new byte[VeBusFrameCodec.MaxWireLength];
        var decoded = new byte[VeBusFrameCodec.MaxWireLength];
        var ok = 0;

        var bytes = Allocated(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                VeBusFrameCodec.TryEncode(VeBusAddress.Multi, VeBusFrameKind.Data, i & 0x7F, payload, wire, out var n);
                if (VeBusFrameCodec.Decode(wire.AsSpan(0, n), decoded, out _) == VeBusFrameError.None) ok++;
            }
        });

        Assert.Equal(0, bytes);
        Assert.Equal(2_000, ok);
    }

    [Fact]
    public void The_receiver_allocates_nothing_for_frames_garbage_or_overlong_runs()
    {
        var sink = new CountingSink();
        var receiver = new VeBusReceiver(sink);
        var stream = new byte[4096];
        var at = 0;
        foreach (var v in PublicVectors.All)
        {
            var b = Hex.Bytes(v.Wire);
            b.CopyTo(stream, at);
            at += b.Length;
        }
        for (var i = at; i < stream.Length; i++) stream[i] = (byte)(i * 37);

        var bytes = Allocated(() =>
        {
            for (var i = 0; i < 20; i++) receiver.Feed(stream);
        });

        Assert.Equal(0, bytes);
        Assert.True(sink.Frames >= 80);
        Assert.True(sink.Rejections > 0);
    }

    [Fact]
    public void Answering_sync_frames_with_BMS_frames_allocates_nothing()
    {
        var engine = new VeBusBmsV2Engine();
        new EngineDriver(engine).RunningV2();
        var (multi, bmsEnd) = InMemoryByteLink.CreatePair(1 << 16);
        var link = new VeBusBmsLink(engine, bmsEnd);
        var sync = Hex.Bytes(PublicVectors.Sync.Wire);
        var drain = new byte[4096];
        long now = 10_000;

        var bytes = Allocated(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                now += 1_000;
                multi.Write(sync);
                link.Poll(now);
                multi.Read(drain);
            }
        });

        Assert.Equal(0, bytes);
        Assert.Equal(1_000, link.Transmitter.FramesSent);
    }
}
