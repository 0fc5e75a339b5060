using System;
using System.Threading;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Serial
{
    /// <summary>
    /// Drains a serial port into a <see cref="ByteRing"/> on a thread of its own, so that receiving never
    /// waits for the control loop (whose period, 50–100 ms, is longer than a VE.Bus slot of 20 ms) and the
    /// link layer sees bytes as soon as the port delivers them. It also measures how the port delivers:
    /// the largest gap between two deliveries and the largest delivery — on VE.Bus, where the Multi sends
    /// a sync frame every 20 ms, a gap much above 20 ms means the port (not the bus) is holding bytes back.
    /// See docs/hardware.md, "Serial receive timing".
    /// </summary>
    public sealed class SerialReceivePump : IDisposable
    {
        private readonly IByteLink _source;
        private readonly ByteRing _ring;
        private readonly IClock _clock;
        private readonly int _idleWaitMs;
        private readonly byte[] _chunk;
        private Thread? _thread;
        private volatile bool _stopping;
        private long _bytes, _deliveries, _errors, _lastArrival = -1, _maxGap, _maxDelivery;

        /// <summary>Creates the pump; <paramref name="idleWaitMs"/> is how long the thread sleeps when the port had nothing.</summary>
        public SerialReceivePump(IByteLink source, ByteRing ring, IClock clock, int idleWaitMs = 1, int chunkBytes = 512)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _ring = ring ?? throw new ArgumentNullException(nameof(ring));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            if (idleWaitMs < 0) throw new ArgumentOutOfRangeException(nameof(idleWaitMs), idleWaitMs, "The idle wait cannot be negative.");
            if (chunkBytes <= 0) throw new ArgumentOutOfRangeException(nameof(chunkBytes), chunkBytes, "The chunk must have room.");
            _idleWaitMs = idleWaitMs;
            _chunk = new byte[chunkBytes];
        }

        /// <summary>The ring the pump fills.</summary>
        public ByteRing Ring => _ring;

        /// <summary>Bytes received.</summary>
        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Polls that found bytes.</summary>
        public long Deliveries => Interlocked.Read(ref _deliveries);

        /// <summary>Polls that threw (the port failed; the pump carries on).</summary>
        public long Errors => Interlocked.Read(ref _errors);

        /// <summary>Clock time of the last delivery, or −1 before the first.</summary>
        public long LastArrivalMs => Interlocked.Read(ref _lastArrival);

        /// <summary>The largest time between two deliveries (ms) since the last <see cref="ResetStatistics"/>.</summary>
        public long MaxGapMs => Interlocked.Read(ref _maxGap);

        /// <summary>The most bytes found in one poll since the last <see cref="ResetStatistics"/>.</summary>
        public long MaxDeliveryBytes => Interlocked.Read(ref _maxDelivery);

        /// <summary>Whether the pump thread runs.</summary>
        public bool IsRunning => _thread is not null;

        /// <summary>Clears the gap and delivery maxima (for periodic reports).</summary>
        public void ResetStatistics()
        {
            Interlocked.Exchange(ref _maxGap, 0);
            Interlocked.Exchange(ref _maxDelivery, 0);
        }

        /// <summary>
        /// One poll: moves everything the port has into the ring and records the delivery. Returns the
        /// number of bytes moved. Called by the pump thread; tests call it directly.
        /// </summary>
        public int PollOnce()
        {
            var total = 0;
            while (true)
            {
                var available = _source.BytesAvailable;
                if (available <= 0) break;
                var n = _source.Read(new Span<byte>(_chunk, 0, Math.Min(available, _chunk.Length)));
                if (n <= 0) break;
                _ring.Write(new ReadOnlySpan<byte>(_chunk, 0, n));
                total += n;
            }
            if (total == 0) return 0;

            var now = _clock.NowMilliseconds;
            var last = Interlocked.Exchange(ref _lastArrival, now);
            if (last >= 0 && now - last > Interlocked.Read(ref _maxGap)) Interlocked.Exchange(ref _maxGap, now - last);
            if (total > Interlocked.Read(ref _maxDelivery)) Interlocked.Exchange(ref _maxDelivery, total);
            Interlocked.Add(ref _bytes, total);
            Interlocked.Increment(ref _deliveries);
            return total;
        }

        /// <summary>Starts the pump thread (background, above-normal priority where the OS honours it).</summary>
        public void Start()
        {
            if (_thread is not null) throw new InvalidOperationException("The pump is already running.");
            _stopping = false;
            _thread = new Thread(Loop) { IsBackground = true, Name = "Serial receive pump", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        /// <summary>Stops the pump thread and waits for it (at most one second).</summary>
        public void Stop()
        {
            var thread = _thread;
            if (thread is null) return;
            _stopping = true;
            thread.Join(1000);
            _thread = null;
        }

        /// <inheritdoc/>
        public void Dispose() => Stop();

        private void Loop()
        {
            while (!_stopping)
            {
                int moved;
                try
                {
                    moved = PollOnce();
                }
                catch (Exception)
                {
                    // A port error must not end reception: count it and keep polling.
                    Interlocked.Increment(ref _errors);
                    moved = 0;
                }
                if (moved == 0) Thread.Sleep(_idleWaitMs);
            }
        }
    }
}
