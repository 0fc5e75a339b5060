using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>Receives what a <see cref="VeBusReceiver"/> makes of a byte stream. Spans are valid only during the call.</summary>
    public interface IVeBusFrameSink
    {
        /// <summary>A valid frame.</summary>
        void OnFrame(in VeBusFrame frame);

        /// <summary>Bytes that are not a valid frame, and why.</summary>
        void OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes);
    }
}
