using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Serial
{
    /// <summary>
    /// A UART as the board opens it: a byte link that says when bytes arrive and counts what its driver lost.
    /// On Meadow, <see cref="BytesArrived"/> is raised by the port's own read thread right after it appended
    /// what the driver delivered, so the receive path is woken by the port instead of polling it.
    /// </summary>
    public interface ISerialPortLink : IByteLink
    {
        /// <summary>
        /// Raised on the port's receive thread after bytes arrived. Handlers must be quick and must not throw
        /// (Meadow pauses its read thread for a second after a handler throws).
        /// </summary>
        event Action? BytesArrived;

        /// <summary>Times the port's receive buffer overflowed: bytes were lost before the application read them.</summary>
        long Overruns { get; }
    }
}
