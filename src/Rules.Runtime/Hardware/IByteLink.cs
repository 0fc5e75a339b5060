using System;

namespace BmsRules.Runtime.Hardware
{
    /// <summary>A byte stream to a peer (the VE.Bus UART, a pseudo-terminal, an in-memory pipe).</summary>
    public interface IByteLink
    {
        /// <summary>Bytes that can be read without waiting.</summary>
        int BytesAvailable { get; }

        /// <summary>Reads up to <c>buffer.Length</c> bytes without waiting; returns how many were read.</summary>
        int Read(Span<byte> buffer);

        /// <summary>Writes all of <paramref name="data"/>.</summary>
        void Write(ReadOnlySpan<byte> data);
    }
}
