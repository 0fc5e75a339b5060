using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Serial
{
    /// <summary>
    /// The link a protocol layer (the VE.Bus link service) uses: reads come from the ring a
    /// <see cref="SerialReceivePump"/> fills, writes go straight to the port.
    /// </summary>
    public sealed class PumpedByteLink : IByteLink
    {
        private readonly ByteRing _received;
        private readonly IByteLink _port;

        /// <summary>Creates the link.</summary>
        public PumpedByteLink(ByteRing received, IByteLink port)
        {
            _received = received ?? throw new ArgumentNullException(nameof(received));
            _port = port ?? throw new ArgumentNullException(nameof(port));
        }

        /// <inheritdoc/>
        public int BytesAvailable => _received.Count;

        /// <inheritdoc/>
        public int Read(Span<byte> buffer) => _received.Read(buffer);

        /// <inheritdoc/>
        public void Write(ReadOnlySpan<byte> data) => _port.Write(data);
    }
}
