using System;
using System.Threading;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// An engine input written by another thread (the VE.Bus link reporting whether the Multi is on) and
    /// read by the control loop. Starts as NaN (invalid) until the writer has something to say.
    /// </summary>
    /// <remarks>
    /// The value travels as its 64-bit pattern through <see cref="Interlocked"/>: on the F7's 32-bit
    /// Cortex-M7 a plain or volatile 64-bit access is not atomic and could tear.
    /// </remarks>
    public sealed class SharedInput : IInputSource
    {
        private long _bits = BitConverter.DoubleToInt64Bits(double.NaN);

        /// <summary>Publishes a new value (any thread).</summary>
        public void Set(double value) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));

        /// <summary>Publishes a bool (1 or 0).</summary>
        public void Set(bool value) => Set(value ? 1d : 0d);

        /// <summary>Back to NaN (the writer lost its source).</summary>
        public void Invalidate() => Set(double.NaN);

        /// <inheritdoc/>
        public double Read() => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));
    }
}
