using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// A decoded VE.Bus frame. Its spans point into the decoder's buffers and are valid only until the
    /// call that produced the frame returns (copy what must be kept).
    /// </summary>
    public readonly ref struct VeBusFrame
    {
        /// <summary>Creates the frame view.</summary>
        public VeBusFrame(VeBusAddress address, VeBusFrameKind kind, byte frameNumber, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> wire)
        {
            Address = address;
            Kind = kind;
            FrameNumber = frameNumber;
            Payload = payload;
            Wire = wire;
        }

        /// <summary>Bytes 0 and 1.</summary>
        public VeBusAddress Address { get; }

        /// <summary>Byte 2: sync or data.</summary>
        public VeBusFrameKind Kind { get; }

        /// <summary>Byte 3: 0..127.</summary>
        public byte FrameNumber { get; }

        /// <summary>
        /// The bytes between the frame number and the checksum, destuffed. A sync frame's payload starts
        /// with its <c>55</c> marker.
        /// </summary>
        public ReadOnlySpan<byte> Payload { get; }

        /// <summary>The frame as it was on the wire, from the first address byte to the end byte <c>FF</c>.</summary>
        public ReadOnlySpan<byte> Wire { get; }

        /// <summary>True for the Multi's sync frame.</summary>
        public bool IsSync => Kind == VeBusFrameKind.Sync;
    }
}
