using System;
using System.Diagnostics;
using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.VeBus;

/// <summary>A throughput figure.</summary>
public sealed record Throughput(string What, long Frames, long Bytes, double Seconds)
{
    /// <summary>Frames per second.</summary>
    public double FramesPerSecond => Frames / Seconds;

    /// <summary>Megabytes (10⁶) of wire bytes per second.</summary>
    public double MegabytesPerSecond => Bytes / Seconds / 1e6;

    /// <summary>How many times the bus's own rate (256000 baud, 10 bits a byte: 25600 bytes/s) this is.</summary>
    public double TimesLineRate => Bytes / Seconds / 25_600.0;
}

/// <summary>A latency distribution in microseconds.</summary>
public sealed record Latency(string What, int Samples, double First, double Median, double P99, double P999, double Max);

/// <summary>
/// Measures the VE.Bus link on this machine with <see cref="Stopwatch"/>: encode and decode throughput, the engine
/// step, and the time from a received sync frame to the BMS frame handed to the link (the whole BMS-side path:
/// read, decode, decide, encode, write).
/// </summary>
public static class VeBusBench
{
    /// <summary>The vebus.md vectors and a BMS frame (65 bytes, 5 frames).</summary>
    private static readonly byte[][] Frames =
    {
        new byte[] { 0x83, 0x83, 0xFD, 0x02, 0x55, 0x51, 0x18, 0x02, 0x97, 0xFF },
        new byte[] { 0x83, 0x83, 0xFE, 0x3C, 0x00, 0xE6, 0x87, 0x5A, 0xFF },
        new byte[] { 0x83, 0x83, 0xFE, 0x03, 0xE4, 0x80, 0x50, 0xC3, 0x40, 0x0D, 0x03, 0x00, 0x0E, 0x00, 0x00, 0x00, 0xA8, 0x09, 0x00, 0x7A, 0xFF },
        new byte[] { 0x98, 0xF7, 0xFE, 0x10, 0x00, 0xE6, 0x37, 0x02, 0x83, 0x9C, 0xFA, 0x7F, 0x3C, 0xFF },
        new byte[] { 0x83, 0x83, 0xFE, 0x3D, 0x60, 0x03, 0xF4, 0x7C, 0x11, 0xE2, 0xFF },
    };

    /// <summary>BMS frames encoded from a running engine's flags.</summary>
    public static Throughput EncodeBmsFrames(IRuleEngine engine, int frames)
    {
        var format = new VeBusBmsFrameFormat(engine.Descriptor.VeBus!);
        var wire = new byte[format.MaxWireLength];
        long bytes = 0;
        for (var i = 0; i < 1000; i++) format.TryEncode(engine, i & 0x7F, wire, out _);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            format.TryEncode(engine, i & 0x7F, wire, out var n);
            bytes += n;
        }
        return new Throughput("encode BMS frame from the engine's flags", frames, bytes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A byte stream of the known frames through the streaming receiver, in 64-byte reads.</summary>
    public static Throughput DecodeStream(int repeats)
    {
        var stream = new byte[4096];
        var at = 0;
        var count = 0;
        while (true)
        {
            var f = Frames[count % Frames.Length];
            if (at + f.Length > stream.Length) break;
            f.CopyTo(stream, at);
            at += f.Length;
            count++;
        }
        var sink = new CountingSink();
        var receiver = new VeBusReceiver(sink);
        receiver.Feed(stream.AsSpan(0, at));
        sink.Frames = 0;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeats; r++)
        {
            for (var i = 0; i < at; i += 64) receiver.Feed(stream.AsSpan(i, Math.Min(64, at - i)));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (sink.Rejections > 0) throw new InvalidOperationException("The benchmark stream was rejected.");
        return new Throughput("decode stream (receiver, 64-byte reads)", sink.Frames, (long)at * repeats, seconds);
    }

    /// <summary>One engine step with healthy inputs.</summary>
    public static Latency EngineStep(IRuleEngine engine, int steps, Action<IRuleEngine, long> step)
    {
        var samples = new double[steps];
        var start = Stopwatch.GetTimestamp();
        step(engine, 0);
        var first = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000;
        for (var i = 0; i < steps; i++)
        {
            start = Stopwatch.GetTimestamp();
            step(engine, (i + 1) * 20L);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000;
        }
        return Summarize("engine step", first, samples);
    }

    /// <summary>
    /// The BMS side from a sync frame in the link's receive buffer to the BMS frame written to the link, every gap
    /// sending (time advances a full repeat interval per sync). The first sample is the very first frame (JIT).
    /// </summary>
    public static Latency SyncToHandoff(IRuleEngine engine, int syncs)
    {
        var (multi, bmsEnd) = InMemoryByteLink.CreatePair(1 << 16);
        var stamped = new StampingLink(bmsEnd);
        var link = new VeBusBmsLink(engine, stamped);
        var sync = Frames[0];
        var drain = new byte[4096];
        var interval = engine.Descriptor.VeBus!.LowPowerIntervalMilliseconds;
        long now = 0;
        double One()
        {
            now += interval;
            multi.Write(sync);
            var start = Stopwatch.GetTimestamp();
            stamped.WrittenAt = 0;
            link.Poll(now);
            multi.Read(drain);
            if (stamped.WrittenAt == 0) throw new InvalidOperationException("No BMS frame was sent in the gap.");
            return Stopwatch.GetElapsedTime(start, stamped.WrittenAt).TotalMilliseconds * 1000;
        }
        var first = One();
        var samples = new double[syncs];
        for (var i = 0; i < syncs; i++) samples[i] = One();
        return Summarize("sync received → BMS frame handed to the link", first, samples);
    }

    private static Latency Summarize(string what, double first, double[] samples)
    {
        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        return new Latency(what, samples.Length, first, At(0.5), At(0.99), At(0.999), samples[^1]);
    }

    private sealed class CountingSink : IVeBusFrameSink
    {
        public long Frames;
        public long Rejections;

        public void OnFrame(in VeBusFrame frame) => Frames++;

        public void OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes) => Rejections++;
    }

    /// <summary>Records when the BMS frame was handed over.</summary>
    private sealed class StampingLink : IByteLink
    {
        private readonly IByteLink _inner;

        public StampingLink(IByteLink inner) => _inner = inner;

        public long WrittenAt { get; set; }

        public int BytesAvailable => _inner.BytesAvailable;

        public int Read(Span<byte> buffer) => _inner.Read(buffer);

        public void Write(ReadOnlySpan<byte> data)
        {
            WrittenAt = Stopwatch.GetTimestamp();
            _inner.Write(data);
        }
    }
}
