using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// When the control loop may reset ("pet") the hardware watchdog. The rule: only after a control
    /// cycle completed and drove every output, at most once per <c>resetIntervalMs</c>; and never again
    /// once two good cycles were more than <c>stallAfterMs</c> apart (the loop lagged or stalled). A loop
    /// that stops, keeps failing or has stalled therefore stops resetting the watchdog, the board resets
    /// within the timeout, and its outputs float: the safe state. Gaps that end within <c>warmUpMs</c> of
    /// <see cref="Start"/> are not judged: the first cycles compile and initialise what they touch and may be
    /// slow, and a slow first cycle must not reset the board on every boot. The hardware timeout still ends a
    /// start-up that hangs.
    /// </summary>
    public sealed class WatchdogPolicy
    {
        /// <summary>The Meadow F7's independent watchdog accepts timeouts below 32.768 s (12-bit reload, /256 prescaler, 32 kHz LSI).</summary>
        public const int MeadowF7MaximumTimeoutMs = 32_767;

        private readonly IWatchdog _watchdog;
        private long _lastGoodCycle;
        private long _lastReset;
        private long _started;

        /// <summary>Creates the policy with a board's <paramref name="timing"/>.</summary>
        public WatchdogPolicy(IWatchdog watchdog, LoopTiming timing)
            : this(watchdog, (timing ?? throw new ArgumentNullException(nameof(timing))).WatchdogTimeoutMs, timing.WatchdogResetIntervalMs, timing.StallAfterMs, timing.WarmUpMs)
        {
        }

        /// <summary>Creates the policy; validates the timing against <paramref name="maximumTimeoutMs"/>.</summary>
        public WatchdogPolicy(IWatchdog watchdog, int timeoutMs, int resetIntervalMs, int stallAfterMs, int warmUpMs, int maximumTimeoutMs = MeadowF7MaximumTimeoutMs)
        {
            _watchdog = watchdog ?? throw new ArgumentNullException(nameof(watchdog));
            if (timeoutMs <= 0 || timeoutMs > maximumTimeoutMs)
                throw new ArgumentOutOfRangeException(nameof(timeoutMs), timeoutMs, $"The watchdog timeout must be 1…{maximumTimeoutMs} ms.");
            // A quarter of the timeout: the F7's watchdog runs from the LSI oscillator (17–47 kHz, nominal 32 kHz),
            // so a nominal timeout T can elapse after 0.68·T; resets at ≤ T/4 keep a wide margin.
            if (resetIntervalMs <= 0 || resetIntervalMs > timeoutMs / 4)
                throw new ArgumentOutOfRangeException(nameof(resetIntervalMs), resetIntervalMs, "The reset interval must be positive and at most a quarter of the timeout.");
            if (stallAfterMs <= resetIntervalMs || stallAfterMs >= timeoutMs)
                throw new ArgumentOutOfRangeException(nameof(stallAfterMs), stallAfterMs, "The stall limit must lie between the reset interval and the timeout.");
            // The grace must end before the watchdog can: its clock may run 47/32 fast (see resetIntervalMs).
            if (warmUpMs < 0 || warmUpMs > (long)timeoutMs * 32 / 47)
                throw new ArgumentOutOfRangeException(nameof(warmUpMs), warmUpMs, "The warm-up grace must end before the earliest watchdog expiry (32/47 of the timeout).");
            TimeoutMs = timeoutMs;
            ResetIntervalMs = resetIntervalMs;
            StallAfterMs = stallAfterMs;
            WarmUpMs = warmUpMs;
        }

        /// <summary>The watchdog timeout (ms).</summary>
        public int TimeoutMs { get; }

        /// <summary>The shortest time between two resets (ms).</summary>
        public int ResetIntervalMs { get; }

        /// <summary>Good cycles further apart than this mean the loop stalled (ms).</summary>
        public int StallAfterMs { get; }

        /// <summary>Gaps that end within this time of <see cref="Start"/> are not judged as stalls (ms).</summary>
        public int WarmUpMs { get; }

        /// <summary>Whether <see cref="Start"/> enabled the watchdog.</summary>
        public bool Enabled { get; private set; }

        /// <summary>Whether the policy saw a stall and stopped resetting for good.</summary>
        public bool Stalled { get; private set; }

        /// <summary>The gap between good cycles that caused <see cref="Stalled"/> (ms).</summary>
        public long StallGapMs { get; private set; }

        /// <summary>Resets made.</summary>
        public long Resets { get; private set; }

        /// <summary>Enables the watchdog at <paramref name="nowMs"/>, just before the first control cycle.</summary>
        public void Start(long nowMs)
        {
            _watchdog.Enable(TimeoutMs);
            _watchdog.Reset();
            Resets++;
            Enabled = true;
            _lastGoodCycle = nowMs;
            _lastReset = nowMs;
            _started = nowMs;
        }

        /// <summary>
        /// Reports a finished cycle. <paramref name="outputsDriven"/>: the cycle completed and set every output.
        /// Returns true when it reset the watchdog.
        /// </summary>
        public bool CycleCompleted(long nowMs, bool outputsDriven)
        {
            if (!Enabled || Stalled || !outputsDriven) return false;
            var gap = nowMs - _lastGoodCycle;
            if (gap > StallAfterMs && nowMs - _started > WarmUpMs)
            {
                // The loop is alive again but was not for too long: a BMS that lags like this must restart.
                Stalled = true;
                StallGapMs = gap;
                return false;
            }
            _lastGoodCycle = nowMs;
            if (nowMs - _lastReset < ResetIntervalMs) return false;
            _watchdog.Reset();
            _lastReset = nowMs;
            Resets++;
            return true;
        }
    }
}
