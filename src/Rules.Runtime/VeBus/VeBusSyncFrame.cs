using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// The Multi's sync frame: <c>83 83 FD nn 55 ss tt tt cs FF</c> — the <c>55</c> marker, one byte of unknown meaning
    /// (<c>51</c> in the capture), and a 16-bit timestamp, low byte first, in units of about 90 µs (vebus.md;
    /// esp32ess docs/README.md "Sync frame").
    /// </summary>
    public static class VeBusSyncFrame
    {
        /// <summary>Payload bytes: marker, unknown byte, timestamp (2).</summary>
        public const int PayloadLength = 4;

        /// <summary>The unknown byte as captured in the vebus.md sync vector.</summary>
        public const byte CapturedUnknownByte = 0x51;

        /// <summary>Encodes a sync frame.</summary>
        public static bool TryEncode(VeBusAddress address, int frameNumber, byte unknown, ushort timestamp, Span<byte> destination, out int written)
        {
            Span<byte> payload = stackalloc byte[PayloadLength];
            payload[0] = VeBusFrameCodec.SyncMarker;
            payload[1] = unknown;
            payload[2] = (byte)timestamp;
            payload[3] = (byte)(timestamp >> 8);
            return VeBusFrameCodec.TryEncode(address, VeBusFrameKind.Sync, frameNumber, payload, destination, out written);
        }

        /// <summary>Reads the unknown byte and the timestamp of a sync frame; false when its payload is not the 4-byte form.</summary>
        public static bool TryRead(in VeBusFrame frame, out byte unknown, out ushort timestamp)
        {
            unknown = 0;
            timestamp = 0;
            if (!frame.IsSync || frame.Payload.Length != PayloadLength) return false;
            unknown = frame.Payload[1];
            timestamp = (ushort)(frame.Payload[2] | (frame.Payload[3] << 8));
            return true;
        }
    }
}
