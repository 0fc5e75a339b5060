using System;
using System.Collections.Generic;
using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Testing.VeBus;

/// <summary>
/// A BMS engine on an in-memory bus with a minimal Multi: <see cref="Sync"/> sends a sync frame (frame number = last
/// seen + 1), lets the BMS end answer, and records what it wrote. Time is the engine driver's.
/// </summary>
public sealed class BmsBusHarness
{
    private readonly InMemoryByteLink _multi;
    private readonly byte[] _buffer = new byte[1024];
    private readonly FrameRecorder _received = new();
    private readonly VeBusReceiver _receiver;

    /// <summary>Puts <paramref name="engine"/> on the bus (<paramref name="sendOnFlagChange"/>: the board section's frame rule).</summary>
    public BmsBusHarness(IRuleEngine engine, bool sendOnFlagChange = true)
    {
        Driver = new EngineDriver(engine);
        var (multi, bms) = InMemoryByteLink.CreatePair();
        _multi = multi;
        Link = new VeBusBmsLink(engine, bms, sendOnFlagChange);
        _receiver = new VeBusReceiver(_received);
    }

    /// <summary>The engine, by name.</summary>
    public EngineDriver Driver { get; }

    /// <summary>The BMS end.</summary>
    public VeBusBmsLink Link { get; }

    /// <summary>The BMS frame layout.</summary>
    public VeBusBmsFrameFormat Format => Link.Transmitter.Format;

    /// <summary>Frames the BMS sent, with the time and the sync frame number they answered.</summary>
    public List<(long Time, int SyncNumber, RecordedFrame Frame)> Sent { get; } = new();

    /// <summary>The last frame number on the bus.</summary>
    public int LastFrameNumber { get; set; } = -1;

    /// <summary>Sends a sync (with <paramref name="frameNumber"/>, default last seen + 1), polls the BMS, returns its frame or null.</summary>
    public RecordedFrame? Sync(int? frameNumber = null, ReadOnlySpan<byte> after = default)
    {
        var number = frameNumber ?? VeBusFrameNumber.Next(LastFrameNumber);
        Span<byte> sync = stackalloc byte[VeBusFrameCodec.MaxWireLength];
        if (!VeBusSyncFrame.TryEncode(VeBusAddress.Multi, number, VeBusSyncFrame.CapturedUnknownByte, (ushort)(Driver.Now * 11), sync, out var n))
        {
            throw new InvalidOperationException("sync frame did not encode");
        }
        _multi.Write(sync.Slice(0, n));
        if (!after.IsEmpty) _multi.Write(after);
        LastFrameNumber = number;
        Link.Poll(Driver.Now);

        var before = _received.Frames.Count;
        while (true)
        {
            var read = _multi.Read(_buffer);
            if (read == 0) break;
            _receiver.Feed(_buffer.AsSpan(0, read));
        }
        if (_received.Rejections.Count > 0) throw new InvalidOperationException("the BMS wrote bytes that are not a frame: " + _received.Rejections[0]);
        if (_received.Frames.Count == before) return null;
        if (_received.Frames.Count > before + 1) throw new InvalidOperationException("the BMS wrote more than one frame in one gap");
        var frame = _received.Frames[^1];
        LastFrameNumber = frame.FrameNumber;
        Sent.Add((Driver.Now, number, frame));
        return frame;
    }

    /// <summary>Runs the bus for <paramref name="durationMs"/>: every 20 ms the engine steps and a sync frame goes out.</summary>
    public BmsBusHarness Run(long durationMs)
    {
        for (long t = 0; t < durationMs; t += 20)
        {
            Driver.Step(20);
            Sync();
        }
        return this;
    }

    /// <summary>A field of a recorded BMS frame, by name.</summary>
    public long Field(RecordedFrame frame, string name) => Format.ReadField(frame.Payload, Format.Field(name));
}
