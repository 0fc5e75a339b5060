using System.Diagnostics;

namespace BmsRules.Runtime.Hardware
{
    /// <summary>The system's monotonic clock (<see cref="Stopwatch"/>), in milliseconds since creation.</summary>
    public sealed class MonotonicClock : IClock
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        /// <inheritdoc/>
        public long NowMilliseconds => _stopwatch.ElapsedMilliseconds;
    }
}
