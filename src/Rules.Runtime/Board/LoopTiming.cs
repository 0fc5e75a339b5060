using System;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.Board
{
    /// <summary>The timing of a board's control loop and watchdog, in one place (from the spec's board section).</summary>
    public sealed class LoopTiming
    {
        /// <summary>Creates the timing.</summary>
        public LoopTiming(int controlPeriodMs, int watchdogTimeoutMs, int watchdogResetIntervalMs, int stallAfterMs, int warmUpMs, int statisticsIntervalMs)
        {
            ControlPeriodMs = controlPeriodMs;
            WatchdogTimeoutMs = watchdogTimeoutMs;
            WatchdogResetIntervalMs = watchdogResetIntervalMs;
            StallAfterMs = stallAfterMs;
            WarmUpMs = warmUpMs;
            StatisticsIntervalMs = statisticsIntervalMs;
        }

        /// <summary>The timing <paramref name="board"/> states, with the statistics logged every <paramref name="statisticsIntervalMs"/>.</summary>
        public LoopTiming(BoardDescriptor board, int statisticsIntervalMs)
            : this(Milliseconds(board?.ControlPeriodMilliseconds), Milliseconds(board?.Watchdog.TimeoutMilliseconds),
                Milliseconds(board?.Watchdog.ResetIntervalMilliseconds), Milliseconds(board?.Watchdog.StallAfterMilliseconds),
                Milliseconds(board?.Watchdog.WarmUpMilliseconds), statisticsIntervalMs)
        {
        }

        /// <summary>Longest time between two control cycles (ms).</summary>
        public int ControlPeriodMs { get; }

        /// <summary>Hardware watchdog timeout (ms).</summary>
        public int WatchdogTimeoutMs { get; }

        /// <summary>Shortest time between two watchdog resets (ms).</summary>
        public int WatchdogResetIntervalMs { get; }

        /// <summary>Good cycles further apart than this are a stall: the watchdog is no longer reset (ms).</summary>
        public int StallAfterMs { get; }

        /// <summary>After the watchdog starts, gaps that end within this grace are not judged as stalls (ms).</summary>
        public int WarmUpMs { get; }

        /// <summary>How often the loop logs its statistics (ms; 0: never).</summary>
        public int StatisticsIntervalMs { get; }

        private static int Milliseconds(long? value) =>
            value is null ? throw new ArgumentNullException("board") : value.Value > int.MaxValue ? int.MaxValue : (int)value.Value;
    }
}
