namespace BmsRules.Runtime.Board
{
    /// <summary>The timing of a board's control loop and watchdog, in one place.</summary>
    public sealed class LoopTiming
    {
        /// <summary>Creates the timing.</summary>
        public LoopTiming(int controlPeriodMs, int watchdogTimeoutMs, int watchdogResetIntervalMs, int stallAfterMs, int statisticsIntervalMs)
        {
            ControlPeriodMs = controlPeriodMs;
            WatchdogTimeoutMs = watchdogTimeoutMs;
            WatchdogResetIntervalMs = watchdogResetIntervalMs;
            StallAfterMs = stallAfterMs;
            StatisticsIntervalMs = statisticsIntervalMs;
        }

        /// <summary>Longest time between two control cycles (ms).</summary>
        public int ControlPeriodMs { get; }

        /// <summary>Hardware watchdog timeout (ms).</summary>
        public int WatchdogTimeoutMs { get; }

        /// <summary>Shortest time between two watchdog resets (ms).</summary>
        public int WatchdogResetIntervalMs { get; }

        /// <summary>Good cycles further apart than this are a stall: the watchdog is no longer reset (ms).</summary>
        public int StallAfterMs { get; }

        /// <summary>How often the loop logs its statistics (ms; 0: never).</summary>
        public int StatisticsIntervalMs { get; }
    }
}
