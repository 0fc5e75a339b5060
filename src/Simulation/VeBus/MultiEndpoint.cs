using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Simulation.VeBus;

/// <summary>
/// A simulated Multi on the bus: a sync frame every 20 ms (frame number = last seen + 1), BMS frames accepted only
/// with the frame number right after the last one seen (vebus.md: otherwise the Multi ignores them), and the BMS
/// view of a <see cref="MultiBmsMonitor"/>. Link errors (a peer that went away) are counted, not thrown: the Multi
/// keeps its timeline, which is how it notices that the BMS is gone.
/// </summary>
public sealed class MultiEndpoint : IVeBusFrameSink
{
    /// <summary>The Multi sends a sync frame every 20 ms (vebus.md).</summary>
    public const long SyncPeriodMs = 20;

    // The sync timestamp counts in about 90 µs units (esp32ess docs/README.md): 20 ms ≈ 222 counts.
    private const int TimestampPerSync = 222;

    private readonly IByteLink _link;
    private readonly VeBusReceiver _receiver;
    private readonly byte[] _read = new byte[256];
    private readonly byte[] _sync = new byte[VeBusFrameCodec.MaxWireLength];
    private int _lastSeen = -1;
    private ushort _timestamp;
    private long _syncSentTicks;
    private long _nowMs;
    private readonly long[] _histogram = new long[9];

    /// <summary>A Multi on <paramref name="link"/> expecting the BMS frames of <paramref name="layout"/>, starting at <paramref name="startMs"/>.</summary>
    public MultiEndpoint(VeBusLayout layout, IByteLink link, long startMs, long bmsTimeoutMs = MultiBmsMonitor.BmsFrameTimeoutMs)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        Monitor = new MultiBmsMonitor(layout, startMs, bmsTimeoutMs);
        _receiver = new VeBusReceiver(this);
        NextSyncMs = startMs;
    }

    /// <summary>The BMS view and its counters.</summary>
    public MultiBmsMonitor Monitor { get; }

    /// <summary>When the next sync frame is due (ms).</summary>
    public long NextSyncMs { get; private set; }

    /// <summary>Sync frames sent.</summary>
    public long SyncsSent { get; private set; }

    /// <summary>When the last sync frame went out (on the wire or counted as idle), or null before the first.</summary>
    public long? LastSyncMs { get; private set; }

    /// <summary>BMS-shaped frames ignored because their frame number was not the last seen + 1.</summary>
    public long FramesIgnored { get; private set; }

    /// <summary>Valid frames that were not BMS frames.</summary>
    public long OtherFrames { get; private set; }

    /// <summary>Rejections (corrupted, truncated, garbage).</summary>
    public long Rejections { get; private set; }

    /// <summary>Reads or writes that failed (the peer went away).</summary>
    public long LinkErrors { get; private set; }

    /// <summary>Time from the last sync frame written to the BMS frame that answered it, as this end saw it (µs).</summary>
    public double LastSyncToBmsMicroseconds { get; private set; }

    /// <summary>The longest <see cref="LastSyncToBmsMicroseconds"/> so far, after the first frame (which includes the BMS's start-up).</summary>
    public double MaxSyncToBmsMicroseconds { get; private set; }

    /// <summary>Upper bounds (µs) of the buckets of <see cref="SyncToBmsHistogram"/>; the last bucket takes the rest.</summary>
    public static IReadOnlyList<double> HistogramBoundsMicroseconds { get; } = new double[] { 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000 };

    /// <summary>How many BMS frames (after the first) came within each bound of <see cref="HistogramBoundsMicroseconds"/> of their sync, and beyond.</summary>
    public IReadOnlyList<long> SyncToBmsHistogram => _histogram;

    /// <summary>The BMS view now.</summary>
    public MultiBmsView View(long nowMs) => Monitor.View(nowMs);

    /// <summary>Reads what has arrived, then sends the sync frame if it is due.</summary>
    public void Poll(long nowMs)
    {
        _nowMs = nowMs;
        try
        {
            while (true)
            {
                var n = _link.Read(_read);
                if (n <= 0) break;
                _receiver.Feed(new ReadOnlySpan<byte>(_read, 0, n));
            }
        }
        catch (IOException)
        {
            LinkErrors++;
        }
        if (nowMs < NextSyncMs) return;

        var number = VeBusFrameNumber.Next(_lastSeen);
        LastSyncMs = nowMs;
        if (VeBusSyncFrame.TryEncode(VeBusAddress.Multi, number, VeBusSyncFrame.CapturedUnknownByte, _timestamp, _sync, out var written))
        {
            try
            {
                _link.Write(new ReadOnlySpan<byte>(_sync, 0, written));
                _syncSentTicks = Stopwatch.GetTimestamp();
                SyncsSent++;
            }
            catch (IOException)
            {
                LinkErrors++;
            }
        }
        _lastSeen = number;
        _timestamp = unchecked((ushort)(_timestamp + TimestampPerSync));
        // Keep the 20 ms grid; after a stall, restart it from now rather than sending a burst.
        NextSyncMs = nowMs - NextSyncMs >= SyncPeriodMs ? nowMs + SyncPeriodMs : NextSyncMs + SyncPeriodMs;
    }

    /// <summary>
    /// Sends the sync frames due up to <paramref name="untilMs"/> as idle syncs: counted, with their frame numbers and
    /// timestamps, but not put on the link. For a scheduler that knows nobody answers them (the simulator's bus asks
    /// the BMS's transmitter when its next frame is due): the syncs that are answered must go through
    /// <see cref="Poll"/>. Returns how many were skipped.
    /// </summary>
    public long SkipSyncs(long untilMs)
    {
        if (untilMs < NextSyncMs) return 0;
        var count = (untilMs - NextSyncMs) / SyncPeriodMs + 1;
        LastSyncMs = NextSyncMs + (count - 1) * SyncPeriodMs;
        _lastSeen = (int)((_lastSeen + count) % 128);
        _timestamp = unchecked((ushort)(_timestamp + TimestampPerSync * count));
        SyncsSent += count;
        NextSyncMs += count * SyncPeriodMs;
        return count;
    }

    void IVeBusFrameSink.OnFrame(in VeBusFrame frame)
    {
        var expected = VeBusFrameNumber.Next(_lastSeen);
        _lastSeen = frame.FrameNumber;
        if (!Monitor.Format.IsBmsFrame(frame))
        {
            OtherFrames++;
            return;
        }
        if (frame.FrameNumber != expected)
        {
            FramesIgnored++;
            return;
        }
        Monitor.Accept(frame, _nowMs);
        LastSyncToBmsMicroseconds = Stopwatch.GetElapsedTime(_syncSentTicks).TotalMilliseconds * 1000;
        if (Monitor.FramesAccepted <= 1) return;
        MaxSyncToBmsMicroseconds = Math.Max(MaxSyncToBmsMicroseconds, LastSyncToBmsMicroseconds);
        var bucket = 0;
        while (bucket < HistogramBoundsMicroseconds.Count && LastSyncToBmsMicroseconds > HistogramBoundsMicroseconds[bucket]) bucket++;
        _histogram[bucket]++;
    }

    void IVeBusFrameSink.OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes) => Rejections++;
}
