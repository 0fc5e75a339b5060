using System;
using System.Linq;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.VeBus;

/// <summary>
/// The frame codec and the streaming receiver over random input. What the one-byte checksum guarantees, stated
/// exactly (docs/vebus.md): every change of a single byte from the kind byte to the checksum makes the frame
/// invalid; the two address bytes are not covered; and a receiver reading a damaged stream may still find a
/// shorter frame in it by chance (about 1 in 256), which is never the original frame and always passes the rules.
/// </summary>
public sealed class CodecProperties
{
    private readonly ITestOutputHelper _output;

    public CodecProperties(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Over random streams (frames, damaged frames, noise, runs without an end byte, fed in random pieces): the
    /// receiver never throws, every frame it yields satisfies the vebus.md sum and stuffing rules and re-encodes to
    /// exactly the bytes it came from, and every byte fed is reported once.
    /// </summary>
    public static Property ReceiverYieldsOnlyRuleAbidingFramesFromAnyStream(CodecUnderTest codec) =>
        Prop.ForAll(FrameGenerators.Streams(codec), stream =>
        {
            var bytes = stream.Bytes();
            FrameRecorder received;
            try
            {
                received = codec.Receive(bytes, stream.Chunk);
            }
            catch (Exception ex)
            {
                return Prop.Label(false, "the receiver threw " + ex);
            }
            foreach (var frame in received.Frames)
            {
                if (!WireRules.SumRuleHolds(frame.Wire)) return Prop.Label(false, $"yielded a frame whose checksum is wrong: {frame}");
                if (!WireRules.StuffingHolds(frame.Wire)) return Prop.Label(false, $"yielded a frame with bad stuffing: {frame}");
                var again = codec.Encode(new FrameSpec(frame.Address, frame.Kind, frame.FrameNumber, frame.Payload));
                if (!again.AsSpan().SequenceEqual(frame.Wire)) return Prop.Label(false, $"{frame} re-encodes as [{Hex.Text(again)}]");
            }
            if (received.BytesReported != bytes.Length)
            {
                return Prop.Label(false, $"{bytes.Length} bytes fed, {received.BytesReported} reported");
            }
            return Prop.Label(true, "holds");
        });

    /// <summary>One byte of a valid frame changed where the checksum covers it (kind byte to checksum): the frame is rejected.</summary>
    public static Property CoveredSingleByteChangesAreRejected(CodecUnderTest codec) =>
        Prop.ForAll(FrameGenerators.Corruptions(codec), c =>
        {
            if (c.Index < 2 || c.Index > c.Wire.Length - 2) return Prop.Label(true, "not covered");
            return codec.Decode(c.Corrupted(), out var accepted) == VeBusFrameError.None
                ? Prop.Label(false, $"{c}: accepted as {accepted}")
                : Prop.Label(true, "rejected");
        });

    /// <summary>
    /// One byte of a valid frame changed anywhere, the bytes read as a stream: whatever the receiver yields passes
    /// the rules, and the original content comes out only when the change was in an address byte (which the
    /// checksum does not cover), and then with the changed address.
    /// </summary>
    public static Property DamagedFramesYieldNothingButRuleAbidingFrames(CodecUnderTest codec) =>
        Prop.ForAll(FrameGenerators.Corruptions(codec), c =>
        {
            var received = codec.Receive(c.Corrupted(), c.Wire.Length);
            foreach (var frame in received.Frames)
            {
                if (!WireRules.SumRuleHolds(frame.Wire)) return Prop.Label(false, $"{c}: yielded {frame}, whose checksum is wrong");
                var content = new FrameSpec(frame.Address, frame.Kind, frame.FrameNumber, frame.Payload);
                if (content.SameContent(c.Frame) && c.Index > 1) return Prop.Label(false, $"{c}: the original content came out of a covered change");
                if (content.SameContent(c.Frame) && content.Address == c.Frame.Address) return Prop.Label(false, $"{c}: the original frame came out unchanged");
            }
            return Prop.Label(true, "holds");
        });

    /// <summary>Encode → decode gives the same frame, the wire satisfies the vebus.md rules, and the receiver yields exactly it.</summary>
    public static Property EncodeThenDecodeRoundTrips(CodecUnderTest codec) =>
        Prop.ForAll(FrameGenerators.Frames(), frame =>
        {
            var wire = codec.Encode(frame);
            if (!WireRules.SumRuleHolds(wire)) return Prop.Label(false, $"{frame} encodes as [{Hex.Text(wire)}], which breaks the sum rule");
            if (!WireRules.StuffingHolds(wire)) return Prop.Label(false, $"{frame} encodes as [{Hex.Text(wire)}], which breaks the stuffing rule");
            if (codec.Decode(wire, out var decoded) != VeBusFrameError.None || decoded is null)
            {
                return Prop.Label(false, $"{frame} encodes as [{Hex.Text(wire)}], which does not decode");
            }
            if (!decoded.SameContent(frame) || decoded.Address != frame.Address) return Prop.Label(false, $"{frame} decodes as {decoded}");
            var received = codec.Receive(wire, 3);
            if (received.Rejections.Count > 0 || received.Frames.Count != 1 || !received.Frames[0].Wire.AsSpan().SequenceEqual(wire))
            {
                return Prop.Label(false, $"{frame}: the receiver reported {string.Join(", ", received.Events)}");
            }
            return Prop.Label(true, "holds");
        });

    [Fact]
    public void The_receiver_yields_only_rule_abiding_frames_from_any_stream_and_never_throws() =>
        PropertyRunner.Check("receiver over random streams", ReceiverYieldsOnlyRuleAbidingFramesFromAnyStream(CodecUnderTest.Real), _output);

    [Fact]
    public void Companion_catches_a_receiver_whose_checksum_skips_the_frame_number()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("receiver over random streams (mutant)", ReceiverYieldsOnlyRuleAbidingFramesFromAnyStream(CodecUnderTest.SkipsFrameNumber), _output));
        Assert.Contains("checksum is wrong", failure.Message);
    }

    [Fact]
    public void Every_single_byte_change_the_checksum_covers_is_rejected() =>
        PropertyRunner.Check("covered single-byte changes", CoveredSingleByteChangesAreRejected(CodecUnderTest.Real), _output, maxTest: 1000);

    [Fact]
    public void Companion_catches_a_frame_number_change_a_broken_checksum_does_not_cover()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("covered single-byte changes (mutant)", CoveredSingleByteChangesAreRejected(CodecUnderTest.SkipsFrameNumber), _output, maxTest: 1000));
        Assert.Contains("accepted as", failure.Message);
    }

    [Fact]
    public void A_damaged_frame_read_as_a_stream_yields_nothing_but_rule_abiding_frames() =>
        PropertyRunner.Check("damaged frames in a stream", DamagedFramesYieldNothingButRuleAbidingFrames(CodecUnderTest.Real), _output, maxTest: 1000);

    [Fact]
    public void Companion_catches_a_receiver_whose_checksum_skips_the_frame_number_in_damaged_frames()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("damaged frames in a stream (mutant)", DamagedFramesYieldNothingButRuleAbidingFrames(CodecUnderTest.SkipsFrameNumber), _output, maxTest: 1000));
        Assert.Contains("checksum is wrong", failure.Message);
    }

    [Fact]
    public void Encode_then_decode_round_trips_random_frames() =>
        PropertyRunner.Check("encode → decode", EncodeThenDecodeRoundTrips(CodecUnderTest.Real), _output, maxTest: 1000);

    [Fact]
    public void Companion_catches_a_checksum_over_the_destuffed_bytes()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("encode → decode (mutant)", EncodeThenDecodeRoundTrips(CodecUnderTest.SumsDestuffedBytes), _output, maxTest: 1000));
        Assert.Contains("breaks the sum rule", failure.Message);
    }
}
