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
                    for (var i = 0; i < data.Length; i++)
                    {
                        _ring[(_head + _count) % _ring.Length] = data[i];
                        if (_count < _ring.Length)
                        {
                            _count++;
                        }
                        else
                        {
                            _head = (_head + 1) % _ring.Length;
                            Overruns++;
                        }
                    }
                    Written += data.Length;
                }
            }

            public int Read(Span<byte> buffer)
            {
                lock (_gate)
                {
                    var n = Math.Min(buffer.Length, _count);
                    for (var i = 0; i < n; i++) buffer[i] = _ring[(_head + i) % _ring.Length];
                    _head = (_head + n) % _ring.Length;
                    _count -= n;
                    return n;
                }
            }
        }
    }
}
