using System.Diagnostics;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// What the control loop measures about itself: cycles run, the worst and mean execution time of a
    /// cycle (high-resolution timer), how late a cycle started against its schedule (sleep granularity,
    /// GC pauses, other threads), cycles that took longer than the period, and cycles that failed.
    /// Written by the loop thread only; read by reports on the same thread.
    /// </summary>
    public sealed class CycleStatistics
    {
        private static readonly double MicrosecondsPerTick = 1_000_000d / Stopwatch.Frequency;
        private long _worstTicks;
        private long _lastTicks;
        private long _totalTicks;

        /// <summary>Cycles run.</summary>
        public long Cycles { get; private set; }

        /// <summary>Cycles run early to change an LED (they are also counted in <see cref="Cycles"/>).</summary>
        public long LedCycles { get; private set; }

        /// <summary>Cycles whose controller tick threw.</summary>
        public long Failures { get; private set; }

        /// <summary>Cycles that took longer than the control period.</summary>
        public long Overruns { get; private set; }

        /// <summary>Execution time of the last cycle, µs.</summary>
        public double LastMicroseconds => _lastTicks * MicrosecondsPerTick;

        /// <summary>The longest cycle, µs.</summary>
        public double WorstMicroseconds => _worstTicks * MicrosecondsPerTick;

        /// <summary>The mean cycle, µs.</summary>
        public double MeanMicroseconds => Cycles == 0 ? 0 : _totalTicks * MicrosecondsPerTick / Cycles;

        /// <summary>
        /// Bytes the loop thread allocated during cycles (adapters and platform calls included), or −1 where
        /// the runtime cannot tell. Zero in steady state is the goal: every allocation brings the next
        /// garbage collection, and its pause, closer.
        /// </summary>
        public long AllocatedBytes { get; private set; }

        /// <summary>Cycles that allocated anything.</summary>
        public long AllocatingCycles { get; private set; }

        /// <summary>The latest a cycle started after its scheduled time, ms.</summary>
        public long WorstStartLatenessMs { get; private set; }

        /// <summary>Clears the worst-case figures (for periodic reports); counters keep running.</summary>
        public void ResetWorst()
        {
            _worstTicks = 0;
            WorstStartLatenessMs = 0;
        }

        internal void RecordAllocation(long bytes)
        {
            if (bytes < 0)
            {
                AllocatedBytes = -1;
                return;
            }
            if (bytes == 0 || AllocatedBytes < 0) return;
            AllocatedBytes += bytes;
            AllocatingCycles++;
        }

        internal void Record(long elapsedTicks, long periodTicks, long startLatenessMs, bool failed, bool forLed)
        {
            Cycles++;
            if (forLed) LedCycles++;
            if (failed) Failures++;
            if (elapsedTicks > periodTicks) Overruns++;
            _lastTicks = elapsedTicks;
            _totalTicks += elapsedTicks;
            if (elapsedTicks > _worstTicks) _worstTicks = elapsedTicks;
            if (startLatenessMs > WorstStartLatenessMs) WorstStartLatenessMs = startLatenessMs;
        }
    }
}
