using BmsRules.Runtime.Serial;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// Logs the loop's and the serial receiver's measurements every interval, then clears their worst
    /// cases, so the board's log (Meadow CLI: <c>meadow listen</c>) shows how it keeps time in the field.
    /// Allocates only when it logs (once per interval) and only if the logger is enabled.
    /// </summary>
    internal sealed class StatisticsReporter : ICycleObserver
    {
        private ControlLoopRunner? _runner;
        private readonly SerialReceivePump? _receiver;
        private readonly ILogger _logger;
        private readonly long _intervalMs;
        private long _next = long.MinValue;

        public StatisticsReporter(SerialReceivePump? receiver, ILogger logger, long intervalMs)
        {
            _receiver = receiver;
            _logger = logger;
            _intervalMs = intervalMs;
        }

        /// <summary>The loop to report on (set once the loop exists: the loop takes its observers at construction).</summary>
        public void Attach(ControlLoopRunner runner) => _runner = runner;

        public void CycleCompleted(IRuleEngine engine, long stepTimeMs)
        {
            if (_runner is null || _intervalMs <= 0) return;
            if (_next == long.MinValue) _next = stepTimeMs + _intervalMs;
            if (stepTimeMs < _next || !_logger.IsEnabled(LogLevel.Information)) return;
            _next = stepTimeMs + _intervalMs;
            var s = _runner.Statistics;
            BoardLog.LoopStatistics(_logger, s.Cycles, s.LedCycles, s.WorstMicroseconds, s.MeanMicroseconds, s.WorstStartLatenessMs, s.Overruns, s.Failures,
                _runner.Watchdog?.Resets ?? 0, s.AllocatedBytes, s.AllocatingCycles);
            s.ResetWorst();
            if (_receiver is null) return;
            BoardLog.ReceiveStatistics(_logger, _receiver.Bytes, _receiver.Deliveries, _receiver.MaxGapMs, _receiver.MaxDeliveryBytes, _receiver.Overruns, _receiver.Ring.Dropped, _receiver.Errors);
            _receiver.ResetStatistics();
        }
    }
}
