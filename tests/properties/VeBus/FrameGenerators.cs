using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using FsCheck;
using FsCheck.Fluent;

namespace BmsRules.Properties.VeBus;

/// <summary>A frame's content (what an encoder is given).</summary>
public sealed record FrameSpec(VeBusAddress Address, VeBusFrameKind Kind, int FrameNumber, byte[] Payload)
{
    /// <summary>True when <paramref name="other"/> has the same kind, frame number and payload (the address aside).</summary>
    public bool SameContent(FrameSpec other) => Kind == other.Kind && FrameNumber == other.FrameNumber && Payload.AsSpan().SequenceEqual(other.Payload);

    /// <inheritdoc/>
    public override string ToString() => $"{Address} {Kind} #{FrameNumber} payload [{Hex.Text(Payload)}]";
}

/// <summary>One byte of a frame changed.</summary>
public sealed record Corruption(FrameSpec Frame, byte[] Wire, int Index, byte Value)
{
    /// <summary>The frame with the byte changed.</summary>
    public byte[] Corrupted()
    {
        var bytes = (byte[])Wire.Clone();
        bytes[Index] = Value;
        return bytes;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Frame}: wire [{Hex.Text(Wire)}], byte {Index} {Wire[Index]:X2} → {Value:X2}";
}

/// <summary>A byte stream made of segments (frames, damaged frames, noise), fed to a receiver in pieces of <see cref="Chunk"/> bytes.</summary>
public sealed record ByteStream(IReadOnlyList<byte[]> Segments, int Chunk)
{
    /// <summary>All bytes in order.</summary>
    public byte[] Bytes() => Segments.SelectMany(s => s).ToArray();

    /// <inheritdoc/>
    public override string ToString() => $"chunk {Chunk}: " + string.Join(" | ", Segments.Select(s => Hex.Text(s)));
}

/// <summary>Generators of VE.Bus frames and streams, biased towards the bytes the rules treat specially (FA..FF, 55, 00).</summary>
public static class FrameGenerators
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    /// <summary>A payload byte: often one that must be stuffed, or the sync marker.</summary>
    public static readonly Gen<byte> PayloadByte = Gen.Frequency(
        (6, AnyByte),
        (3, Gen.Choose(0xFA, 0xFF).Select(b => (byte)b)),
        (1, Gen.Constant((byte)0x55)),
        (1, Gen.Constant((byte)0x00)));

    private static readonly Gen<VeBusAddress> Address = Gen.Frequency(
        (3, Gen.Constant(VeBusAddress.Multi)),
        (1, Gen.Constant(VeBusAddress.Mk3)),
        (2, from h in Gen.Choose(0, 0xFE) from l in Gen.Choose(0, 0xFE) select new VeBusAddress((byte)h, (byte)l)));

    /// <summary>A valid frame: sync (payload starting with 55) or data, any frame number, up to 24 payload bytes.</summary>
    public static readonly Gen<FrameSpec> Frame =
        from address in Address
        from kind in Gen.Elements(VeBusFrameKind.Sync, VeBusFrameKind.Data)
        from number in Gen.Choose(0, 127)
        from length in Gen.Choose(0, 24)
        from bytes in Gen.ArrayOf(PayloadByte, length)
        select new FrameSpec(address, kind, number, kind == VeBusFrameKind.Sync ? new byte[] { 0x55 }.Concat(bytes).ToArray() : bytes);

    /// <summary>Frames, shrinking to shorter payloads.</summary>
    public static Arbitrary<FrameSpec> Frames() => Arb.From(Frame, ShrinkFrame);

    /// <summary>A single-byte change of a frame the codec encoded; header bytes are picked more often than their share.</summary>
    public static Arbitrary<Corruption> Corruptions(CodecUnderTest codec)
    {
        var gen =
            from frame in Frame
            let wire = codec.Encode(frame)
            from index in Gen.Frequency((2, Gen.Choose(2, 3)), (1, Gen.Choose(0, 1)), (6, Gen.Choose(0, wire.Length - 1)))
            from value in Gen.Frequency((4, AnyByte), (1, Gen.Elements<byte>(0x00, 0x55, 0xFA, 0xFD, 0xFE, 0xFF)))
            select new Corruption(frame, wire, index, value == wire[index] ? (byte)(value ^ 0x01) : value);
        return Arb.From(gen);
    }

    /// <summary>Streams of frames (encoded by <paramref name="codec"/>), damaged frames and noise; shrinks by dropping segments.</summary>
    public static Arbitrary<ByteStream> Streams(CodecUnderTest codec)
    {
        var valid = Frame.Select(codec.Encode);
        var corrupted = Corruptions(codec).Generator.Select(c => c.Corrupted());
        var truncated = from wire in valid from keep in Gen.Choose(1, wire.Length - 1) select wire.Take(keep).ToArray();
        var noise = from length in Gen.Choose(1, 12) from bytes in Gen.ArrayOf(AnyByte, length) select bytes;
        var longNoise = from length in Gen.Choose(100, 300) from bytes in Gen.ArrayOf(Gen.Choose(0, 0xFE).Select(b => (byte)b), length) select bytes;
        var doubleFault = from c in Corruptions(codec).Generator
                          from index in Gen.Choose(0, c.Wire.Length - 1)
                          from value in AnyByte
                          select Change(c.Corrupted(), index, value);
        var segment = Gen.Frequency(
            (5, valid), (3, corrupted), (1, truncated), (2, noise), (1, doubleFault), (1, longNoise), (1, Gen.Constant(new byte[] { 0xFF })));
        var gen =
            from count in Gen.Choose(0, 30)
            from segments in Gen.ArrayOf(segment, count)
            from chunk in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Choose(2, 16)), (2, Gen.Constant(256)))
            select new ByteStream(segments, chunk);
        return Arb.From(gen, ShrinkStream);
    }

    private static byte[] Change(byte[] bytes, int index, byte value)
    {
        bytes[index] = value;
        return bytes;
    }

    private static IEnumerable<FrameSpec> ShrinkFrame(FrameSpec frame)
    {
        var first = frame.Kind == VeBusFrameKind.Sync ? 1 : 0;
        for (var i = frame.Payload.Length - 1; i >= first; i--)
        {
            yield return frame with { Payload = frame.Payload.Take(i).Concat(frame.Payload.Skip(i + 1)).ToArray() };
        }
    }

    private static IEnumerable<ByteStream> ShrinkStream(ByteStream stream)
    {
        for (var i = 0; i < stream.Segments.Count; i++)
        {
            yield return stream with { Segments = stream.Segments.Take(i).Concat(stream.Segments.Skip(i + 1)).ToArray() };
        }
        if (stream.Chunk != 256) yield return stream with { Chunk = 256 };
    }
}
