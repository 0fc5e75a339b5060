using System;
using System.Collections.Generic;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Testing.VeBus;

/// <summary>A frame as recorded by <see cref="FrameRecorder"/> (copied out of the receiver's buffers).</summary>
public sealed record RecordedFrame(VeBusAddress Address, VeBusFrameKind Kind, byte FrameNumber, byte[] Payload, byte[] Wire)
{
    /// <summary>The frame's wire bytes as hex.</summary>
    public override string ToString() => $"{Kind} #{FrameNumber} [{Hex.Text(Wire)}]";
}

/// <summary>A rejection as recorded by <see cref="FrameRecorder"/>.</summary>
public sealed record RecordedRejection(VeBusFrameError Error, byte[] Bytes)
{
    /// <summary>The reason and the bytes as hex.</summary>
    public override string ToString() => $"{Error} [{Hex.Text(Bytes)}]";
}

/// <summary>Records everything a receiver reports, in order.</summary>
public sealed class FrameRecorder : IVeBusFrameSink
{
    /// <summary>Frames and rejections in the order they were reported.</summary>
    public List<object> Events { get; } = new();

    /// <summary>The frames.</summary>
    public List<RecordedFrame> Frames { get; } = new();

    /// <summary>The rejections.</summary>
    public List<RecordedRejection> Rejections { get; } = new();

    /// <summary>Bytes reported, in frames and rejections.</summary>
    public long BytesReported { get; private set; }

    /// <inheritdoc/>
    public void OnFrame(in VeBusFrame frame)
    {
        var recorded = new RecordedFrame(frame.Address, frame.Kind, frame.FrameNumber, frame.Payload.ToArray(), frame.Wire.ToArray());
        Frames.Add(recorded);
        Events.Add(recorded);
        BytesReported += frame.Wire.Length;
    }

    /// <inheritdoc/>
    public void OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes)
    {
        var recorded = new RecordedRejection(error, bytes.ToArray());
        Rejections.Add(recorded);
        Events.Add(recorded);
        BytesReported += bytes.Length;
    }

    /// <summary>Feeds <paramref name="stream"/> to a new receiver, flushes it, and returns what it reported.</summary>
    public static FrameRecorder Receive(ReadOnlySpan<byte> stream)
    {
        var recorder = new FrameRecorder();
        var receiver = new VeBusReceiver(recorder);
        receiver.Feed(stream);
        receiver.Flush();
        return recorder;
    }
}
