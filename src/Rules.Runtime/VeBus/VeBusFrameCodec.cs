using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// Encodes and decodes one VE.Bus frame exactly as vebus.md states it:
    /// <c>ADDR_HI ADDR_LO | FD or FE | frame number | payload | checksum | FF</c>, payload bytes <c>≥ FA</c> stuffed as
    /// <c>FA, 70 | (b &amp; 0F)</c> from byte index 4 on, the checksum escaped as <c>FA, cs − FA</c> when it is
    /// <c>FB</c> or more (a checksum of <c>FA</c> itself is sent bare). Allocation-free; never throws on bad input.
    /// <para>
    /// Decoding accepts only the form the encoder produces, so every accepted frame re-encodes to exactly the
    /// bytes it was decoded from.
    /// </para>
    /// </summary>
    public static class VeBusFrameCodec
    {
        /// <summary>The end byte of every frame.</summary>
        public const byte EndOfFrame = 0xFF;

        /// <summary>The escape byte that starts a stuffed pair.</summary>
        public const byte Escape = 0xFA;

        /// <summary>Byte 4 of a sync frame; left out of the checksum.</summary>
        public const byte SyncMarker = 0x55;

        /// <summary>Address (2), kind (1) and frame number (1): the bytes before the payload, never stuffed.</summary>
        public const int HeaderLength = 4;

        /// <summary>The smallest frame: header, checksum, end byte (an empty payload).</summary>
        public const int MinWireLength = HeaderLength + 2;

        /// <summary>
        /// The longest frame accepted on the wire. The longest frames the public decoders know are 21 bytes
        /// (<c>E4</c>); the longest BMS frame the spec allows (a command byte and 32 payload bytes, all stuffed)
        /// is 73. 128 leaves room for frames not yet known, and bounds the receiver's buffer.
        /// </summary>
        public const int MaxWireLength = 128;

        /// <summary>The most bytes a frame with <paramref name="payloadLength"/> payload bytes can take on the wire.</summary>
        public static int MaxEncodedLength(int payloadLength) => HeaderLength + 2 * payloadLength + 3;

        /// <summary>
        /// Encodes a frame into <paramref name="destination"/>. False (nothing usable written) when an address byte is
        /// <c>FF</c>, the kind is not sync or data, the frame number is outside 0..127, a sync payload does not start with
        /// its <c>55</c> marker, or the frame does not fit in <paramref name="destination"/> or in <see cref="MaxWireLength"/>.
        /// </summary>
        public static bool TryEncode(VeBusAddress address, VeBusFrameKind kind, int frameNumber, ReadOnlySpan<byte> payload,
            Span<byte> destination, out int written) =>
            TryEncode(address, kind, frameNumber, payload, destination, out written, VeBusChecksum.Function);

        internal static bool TryEncode(VeBusAddress address, VeBusFrameKind kind, int frameNumber, ReadOnlySpan<byte> payload,
            Span<byte> destination, out int written, ChecksumFunction checksum)
        {
            written = 0;
            if (address.High == EndOfFrame || address.Low == EndOfFrame) return false;
            if (kind != VeBusFrameKind.Sync && kind != VeBusFrameKind.Data) return false;
            if (!VeBusFrameNumber.IsValid(frameNumber)) return false;
            if (kind == VeBusFrameKind.Sync && (payload.Length == 0 || payload[0] != SyncMarker)) return false;

            var limit = Math.Min(destination.Length, MaxWireLength);
            if (limit < MinWireLength) return false;
            destination[0] = address.High;
            destination[1] = address.Low;
            destination[2] = (byte)kind;
            destination[3] = (byte)frameNumber;
            var at = HeaderLength;
            for (var i = 0; i < payload.Length; i++)
            {
                var b = payload[i];
                if (b >= Escape)
                {
                    if (at + 2 > limit) return false;
                    destination[at++] = Escape;
                    destination[at++] = (byte)(0x70 | (b & 0x0F));
                }
                else
                {
                    if (at + 1 > limit) return false;
                    destination[at++] = b;
                }
            }

            var cs = checksum(destination.Slice(0, at));
            var escaped = cs > Escape;
            if (at + (escaped ? 3 : 2) > limit) return false;
            if (escaped)
            {
                destination[at++] = Escape;
                destination[at++] = (byte)(cs - Escape);
            }
            else
            {
                destination[at++] = cs;
            }
            destination[at++] = EndOfFrame;
            written = at;
            return true;
        }

        /// <summary>
        /// Decodes <paramref name="wire"/>, one frame from its first address byte to its end byte, into
        /// <paramref name="payloadBuffer"/> (a buffer of <see cref="MaxWireLength"/> bytes always suffices).
        /// Returns <see cref="VeBusFrameError.None"/> and the frame, or the first reason it is not a valid frame.
        /// </summary>
        public static VeBusFrameError Decode(ReadOnlySpan<byte> wire, Span<byte> payloadBuffer, out VeBusFrame frame) =>
            Decode(wire, payloadBuffer, out frame, VeBusChecksum.Function);

        internal static VeBusFrameError Decode(ReadOnlySpan<byte> wire, Span<byte> payloadBuffer, out VeBusFrame frame, ChecksumFunction checksum)
        {
            frame = default;
            if (wire.Length > MaxWireLength) return VeBusFrameError.TooLong;
            if (wire.Length < MinWireLength || wire[wire.Length - 1] != EndOfFrame) return VeBusFrameError.Truncated;
            var kind = wire[2];
            if (kind != (byte)VeBusFrameKind.Sync && kind != (byte)VeBusFrameKind.Data) return VeBusFrameError.BadKind;
            if (!VeBusFrameNumber.IsValid(wire[3])) return VeBusFrameError.BadFrameNumber;

            // Tokens from index 4 to the end byte: payload bytes (bare below FA, or FA 7A..7F), then the checksum
            // (bare below FB, or FA 01..05, or a bare FA right before the end byte).
            var end = wire.Length - 1;
            var count = 0;
            var at = HeaderLength;
            int checksumAt;
            byte received;
            while (true)
            {
                if (at >= end) return VeBusFrameError.Truncated;
                var b = wire[at];
                if (b == Escape)
                {
                    if (at + 1 == end)
                    {
                        checksumAt = at;
                        received = Escape;
                        break;
                    }
                    var x = wire[at + 1];
                    if (at + 2 == end)
                    {
                        if (x < 0x01 || x > 0x05) return VeBusFrameError.BadStuffing;
                        checksumAt = at;
                        received = (byte)(Escape + x);
                        break;
                    }
                    if (x < 0x7A || x > 0x7F) return VeBusFrameError.BadStuffing;
                    if (count >= payloadBuffer.Length) return VeBusFrameError.TooLong;
                    payloadBuffer[count++] = (byte)(x + 0x80);
                    at += 2;
                    continue;
                }
                if (b > Escape) return VeBusFrameError.BadStuffing;
                if (at + 1 == end)
                {
                    checksumAt = at;
                    received = b;
                    break;
                }
                if (count >= payloadBuffer.Length) return VeBusFrameError.TooLong;
                payloadBuffer[count++] = b;
                at++;
            }

            if (kind == (byte)VeBusFrameKind.Sync && (count == 0 || payloadBuffer[0] != SyncMarker)) return VeBusFrameError.BadSyncMarker;
            if (checksum(wire.Slice(0, checksumAt)) != received) return VeBusFrameError.BadChecksum;

            frame = new VeBusFrame(new VeBusAddress(wire[0], wire[1]), (VeBusFrameKind)kind, wire[3], payloadBuffer.Slice(0, count), wire);
            return VeBusFrameError.None;
        }

        /// <summary>True for the bytes that can stand at index 2 of a frame.</summary>
        internal static bool IsKind(byte b) => b == (byte)VeBusFrameKind.Sync || b == (byte)VeBusFrameKind.Data;
    }
}
