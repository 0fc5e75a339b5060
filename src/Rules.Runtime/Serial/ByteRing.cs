using System;
using System.Threading;

namespace BmsRules.Runtime.Serial
{
    /// <summary>
    /// A lock-free single-producer / single-consumer byte queue: the receive thread writes, one reader
    /// reads. Fixed capacity (a power of two), no allocation after construction. When full, the bytes that
    /// do not fit are dropped and counted: the protocol layer's checksum rejects the damaged frame.
    /// </summary>
    /// <remarks>
    /// Positions are 32-bit counters that wrap (their difference is what matters), so every shared
    /// access is a single atomic 32-bit load or store, also on the F7's 32-bit core.
    /// </remarks>
    public sealed class ByteRing
    {
        private readonly byte[] _buffer;
        private readonly int _mask;
        private int _written;
        private int _read;
        private long _dropped;

        /// <summary>Creates a ring of <paramref name="capacity"/> bytes (a power of two).</summary>
        public ByteRing(int capacity)
        {
            if (capacity < 2 || (capacity & (capacity - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be a power of two, 2 or more.");
            _buffer = new byte[capacity];
            _mask = capacity - 1;
        }

        /// <summary>Capacity in bytes.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>Bytes waiting to be read.</summary>
        public int Count => unchecked(Volatile.Read(ref _written) - Volatile.Read(ref _read));

        /// <summary>Bytes dropped because the ring was full.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <summary>Producer: appends as much of <paramref name="data"/> as fits; returns how many bytes were taken.</summary>
        public int Write(ReadOnlySpan<byte> data)
        {
            var written = _written;
            var free = _buffer.Length - unchecked(written - Volatile.Read(ref _read));
            var count = Math.Min(free, data.Length);
            for (var i = 0; i < count; i++) _buffer[unchecked(written + i) & _mask] = data[i];
            Volatile.Write(ref _written, unchecked(written + count));
            if (count < data.Length) Interlocked.Add(ref _dropped, data.Length - count);
            return count;
        }

        /// <summary>Consumer: moves up to <c>destination.Length</c> bytes out; returns how many.</summary>
        public int Read(Span<byte> destination)
        {
            var read = _read;
            var available = unchecked(Volatile.Read(ref _written) - read);
            var count = Math.Min(available, destination.Length);
            for (var i = 0; i < count; i++) destination[i] = _buffer[unchecked(read + i) & _mask];
            Volatile.Write(ref _read, unchecked(read + count));
            return count;
        }
    }
}
