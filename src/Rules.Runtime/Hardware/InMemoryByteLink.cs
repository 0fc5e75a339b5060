using System;

namespace BmsRules.Runtime.Hardware
{
    /// <summary>
    /// One end of an in-memory duplex byte pipe (<see cref="CreatePair"/>): what one end writes, the other reads, in
    /// order. Thread-safe. Each direction holds up to its capacity; older unread bytes are overwritten beyond that
    /// (a bus does not wait for a slow reader either) and counted in <see cref="Overruns"/>.
    /// </summary>
    public sealed class InMemoryByteLink : IByteLink
    {
        private readonly Pipe _incoming;
        private readonly Pipe _outgoing;

        private InMemoryByteLink(Pipe incoming, Pipe outgoing)
        {
            _incoming = incoming;
            _outgoing = outgoing;
        }

        /// <summary>Creates two connected ends, each direction holding <paramref name="capacity"/> bytes.</summary>
        public static (InMemoryByteLink A, InMemoryByteLink B) CreatePair(int capacity = 4096)
        {
            var aToB = new Pipe(capacity);
            var bToA = new Pipe(capacity);
            return (new InMemoryByteLink(bToA, aToB), new InMemoryByteLink(aToB, bToA));
        }

        /// <inheritdoc/>
        public int BytesAvailable => _incoming.Count;

        /// <summary>Bytes this end lost because it did not read them in time.</summary>
        public long Overruns => _incoming.Overruns;

        /// <summary>Bytes written by this end so far.</summary>
        public long BytesWritten => _outgoing.Written;

        /// <inheritdoc/>
        public int Read(Span<byte> buffer) => _incoming.Read(buffer);

        /// <inheritdoc/>
        public void Write(ReadOnlySpan<byte> data) => _outgoing.Write(data);

        /// <summary>A bounded ring buffer for one direction.</summary>
        private sealed class Pipe
        {
            private readonly object _gate = new object();
            private readonly byte[] _ring;
            private int _head;
            private int _count;

            public Pipe(int capacity)
            {
                if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
                _ring = new byte[capacity];
            }

            public long Overruns { get; private set; }

            public long Written { get; private set; }

            public int Count
            {
                get
                {
                    lock (_gate) return _count;
                }
            }

            public void Write(ReadOnlySpan<byte> data)
            {
                lock (_gate)
                {
                    Written += data.Length;
                    // Beyond the capacity only the newest bytes stay; the rest are lost as overruns.
                    if (data.Length > _ring.Length)
                    {
                        Overruns += data.Length - _ring.Length;
                        data = data.Slice(data.Length - _ring.Length);
                    }
                    var lost = _count + data.Length - _ring.Length;
                    if (lost > 0)
                    {
                        Overruns += lost;
                        _head = (_head + lost) % _ring.Length;
                        _count -= lost;
                    }
                    var tail = (_head + _count) % _ring.Length;
                    var first = Math.Min(data.Length, _ring.Length - tail);
                    data.Slice(0, first).CopyTo(_ring.AsSpan(tail));
                    data.Slice(first).CopyTo(_ring);
                    _count += data.Length;
                }
            }

            public int Read(Span<byte> buffer)
            {
                lock (_gate)
                {
                    var n = Math.Min(buffer.Length, _count);
                    var first = Math.Min(n, _ring.Length - _head);
                    _ring.AsSpan(_head, first).CopyTo(buffer);
                    _ring.AsSpan(0, n - first).CopyTo(buffer.Slice(first));
                    _head = (_head + n) % _ring.Length;
                    _count -= n;
                    return n;
                }
            }
        }
    }
}
