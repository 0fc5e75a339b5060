using System;
using System.Threading;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Runtime.Serial
{
    /// <summary>
    /// Moves what the serial port receives into a <see cref="ByteRing"/> the moment the port says it arrived, and wakes
    /// the reader (the VE.Bus link service) waiting in <see cref="WaitForBytes"/>. It has no thread of its own: it runs
    /// in the port's <see cref="ISerialPortLink.BytesArrived"/> handler, on the port's receive thread, so from the driver
    /// to the link there is one thread wake and no sleep or polling interval (docs/hardware.md, "Serial receive timing").
    /// It also measures how the port delivers (largest gap between deliveries, largest delivery) and logs every loss:
    /// overruns of the port's buffer and bytes the ring had no room for.
    /// </summary>
    public sealed class SerialReceivePump : IDisposable
    {
        /// <summary>Losses are logged when they happen, but at most once per this interval (ms); the statistics line has the totals.</summary>
        public const long LossLogIntervalMs = 10_000;

        private readonly ISerialPortLink _port;
        private readonly ByteRing _ring;
        private readonly IClock _clock;
        private readonly ILogger _logger;
        private readonly string _portName;
        private readonly byte[] _chunk;
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);
        private readonly Action _onArrival;
        private int _running;
        private long _bytes, _deliveries, _errors, _lastArrival = -1, _maxGap, _maxDelivery;
        private long _overrunsLogged, _droppedLogged, _lastLossLog = long.MinValue;

        /// <summary>Creates the pump for <paramref name="port"/> (named <paramref name="portName"/> in its log lines).</summary>
        public SerialReceivePump(ISerialPortLink port, ByteRing ring, IClock clock, string portName, ILogger? logger = null, int chunkBytes = 512)
        {
            _port = port ?? throw new ArgumentNullException(nameof(port));
            _ring = ring ?? throw new ArgumentNullException(nameof(ring));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _portName = portName ?? throw new ArgumentNullException(nameof(portName));
            _logger = logger ?? NullLogger.Instance;
            if (chunkBytes <= 0) throw new ArgumentOutOfRangeException(nameof(chunkBytes), chunkBytes, "The chunk must have room.");
            _chunk = new byte[chunkBytes];
            _onArrival = OnArrival;
        }

        /// <summary>The ring the pump fills.</summary>
        public ByteRing Ring => _ring;

        /// <summary>Bytes received.</summary>
        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Arrivals that brought bytes.</summary>
        public long Deliveries => Interlocked.Read(ref _deliveries);

        /// <summary>Arrivals whose reading threw (the port failed; the pump carries on).</summary>
        public long Errors => Interlocked.Read(ref _errors);

        /// <summary>Overruns of the port's own receive buffer (bytes lost before the pump saw them).</summary>
        public long Overruns => _port.Overruns;

        /// <summary>Clock time of the last delivery, or −1 before the first.</summary>
        public long LastArrivalMs => Interlocked.Read(ref _lastArrival);

        /// <summary>The largest time between two deliveries (ms) since the last <see cref="ResetStatistics"/>.</summary>
        public long MaxGapMs => Interlocked.Read(ref _maxGap);

        /// <summary>The most bytes found in one delivery since the last <see cref="ResetStatistics"/>.</summary>
        public long MaxDeliveryBytes => Interlocked.Read(ref _maxDelivery);

        /// <summary>Whether the pump listens to the port.</summary>
        public bool IsRunning => Volatile.Read(ref _running) == 1;

        /// <summary>Clears the gap and delivery maxima (for periodic reports).</summary>
        public void ResetStatistics()
        {
            Interlocked.Exchange(ref _maxGap, 0);
            Interlocked.Exchange(ref _maxDelivery, 0);
        }

        /// <summary>
        /// Moves everything the port has into the ring, records the delivery and logs new losses. Returns the number
        /// of bytes moved. Runs in the port's arrival handler; tests call it directly. One producer at a time.
        /// </summary>
        public int PollOnce()
        {
            var total = 0;
            while (true)
            {
                var available = _port.BytesAvailable;
                if (available <= 0) break;
                var n = _port.Read(new Span<byte>(_chunk, 0, Math.Min(available, _chunk.Length)));
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
            LogLosses(now);
            return total;
        }

        /// <summary>
        /// Waits until bytes are in the ring, at most <paramref name="timeoutMs"/>; returns whether there are. Returns at
        /// once when bytes are waiting or arrived since the last wait. The reader's only wait: no polling interval.
        /// </summary>
        public bool WaitForBytes(int timeoutMs)
        {
            var started = Environment.TickCount;
            var remaining = timeoutMs;
            while (_ring.Count == 0)
            {
                if (!_arrived.WaitOne(remaining) || !IsRunning) return _ring.Count > 0;
                if (_ring.Count > 0) return true;
                // The wake was for bytes already read: wait on for the rest of the time.
                if (timeoutMs == Timeout.Infinite) continue;
                remaining = timeoutMs - unchecked(Environment.TickCount - started);
                if (remaining <= 0) return false;
            }
            return true;
        }

        /// <summary>Starts listening to the port's arrivals.</summary>
        public void Start()
        {
            if (Interlocked.Exchange(ref _running, 1) == 1) throw new InvalidOperationException("The pump is already running.");
            _port.BytesArrived += _onArrival;
        }

        /// <summary>Stops listening and wakes a reader waiting in <see cref="WaitForBytes"/>.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _running, 0) == 0) return;
            _port.BytesArrived -= _onArrival;
            _arrived.Set();
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Stop();
            _arrived.Dispose();
        }

        private void OnArrival()
        {
            try
            {
                PollOnce();
            }
            catch (Exception)
            {
                // Never into the port's thread (Meadow would pause reception for a second): count it, the next arrival reads again.
                Interlocked.Increment(ref _errors);
            }
            finally
            {
                _arrived.Set();
            }
        }

        private void LogLosses(long now)
        {
            var overruns = _port.Overruns;
            var dropped = _ring.Dropped;
            if (overruns == _overrunsLogged && dropped == _droppedLogged) return;
            if (_lastLossLog != long.MinValue && now - _lastLossLog < LossLogIntervalMs) return;
            BoardLog.ReceiveLost(_logger, _portName, overruns - _overrunsLogged, overruns, dropped - _droppedLogged, dropped);
            _overrunsLogged = overruns;
            _droppedLogged = dropped;
            _lastLossLog = now;
        }
    }
}
