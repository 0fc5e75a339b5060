using System;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;

namespace BmsRules.Properties.VeBus;

/// <summary>
/// The codec and receiver with a given checksum function: the real one, or a deliberately broken one (used by the
/// encoder and the receiver alike, as a real bug would be) that a property's companion must catch.
/// </summary>
public sealed class CodecUnderTest
{
    private readonly ChecksumFunction _checksum;

    private CodecUnderTest(string name, ChecksumFunction checksum)
    {
        Name = name;
        _checksum = checksum;
    }

    /// <summary>The codec as built.</summary>
    public static CodecUnderTest Real { get; } = new("real", VeBusChecksum.Compute);

    /// <summary>Broken: the checksum leaves out the frame number (sums from byte 4, plus the kind byte).</summary>
    public static CodecUnderTest SkipsFrameNumber { get; } = new("checksum skips the frame number", frame =>
    {
        var sum = frame.Length > 2 ? frame[2] : 0;
        for (var i = 4; i < frame.Length; i++) sum += frame[i];
        if (frame.Length > 4 && frame[2] == 0xFD && frame[4] == 0x55) sum -= 0x55;
        return (byte)(1 - sum);
    });

    /// <summary>Broken: the checksum sums the payload before stuffing (FA 7F counted as FF) instead of the bytes sent.</summary>
    public static CodecUnderTest SumsDestuffedBytes { get; } = new("checksum over destuffed bytes", frame =>
    {
        var sum = 0;
        for (var i = 2; i < frame.Length; i++)
        {
            if (i >= 4 && frame[i] == 0xFA && i + 1 < frame.Length)
            {
                sum += frame[i + 1] + 0x80;
                i++;
            }
            else
            {
                sum += frame[i];
            }
        }
        if (frame.Length > 4 && frame[2] == 0xFD && frame[4] == 0x55) sum -= 0x55;
        return (byte)(1 - sum);
    });

    /// <summary>Which codec this is.</summary>
    public string Name { get; }

    /// <summary>Encodes <paramref name="frame"/>; throws if the codec refuses it (the generators only make valid frames).</summary>
    public byte[] Encode(FrameSpec frame)
    {
        var wire = new byte[VeBusFrameCodec.MaxWireLength];
        if (!VeBusFrameCodec.TryEncode(frame.Address, frame.Kind, frame.FrameNumber, frame.Payload, wire, out var written, _checksum))
        {
            throw new InvalidOperationException("The codec refused a valid frame: " + frame);
        }
        return wire.AsSpan(0, written).ToArray();
    }

    /// <summary>Decodes one frame.</summary>
    public VeBusFrameError Decode(ReadOnlySpan<byte> wire, out FrameSpec? frame)
    {
        var payload = new byte[VeBusFrameCodec.MaxWireLength];
        var error = VeBusFrameCodec.Decode(wire, payload, out var decoded, _checksum);
        frame = error == VeBusFrameError.None
            ? new FrameSpec(decoded.Address, decoded.Kind, decoded.FrameNumber, decoded.Payload.ToArray())
            : null;
        return error;
    }

    /// <summary>Feeds <paramref name="stream"/> to a receiver in pieces of <paramref name="chunk"/> bytes, then flushes it.</summary>
    public FrameRecorder Receive(ReadOnlySpan<byte> stream, int chunk)
    {
        var recorder = new FrameRecorder();
        var receiver = new VeBusReceiver(recorder, _checksum);
        for (var at = 0; at < stream.Length; at += chunk) receiver.Feed(stream.Slice(at, Math.Min(chunk, stream.Length - at)));
        receiver.Flush();
        return recorder;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
