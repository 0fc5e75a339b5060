namespace BmsRules.Runtime.Hardware
{
    /// <summary>A clock that moves only when told to: for simulation and tests (faster than real time, deterministic).</summary>
    public sealed class ManualClock : IClock
    {
        /// <summary>Creates the clock at <paramref name="startMilliseconds"/>.</summary>
        public ManualClock(long startMilliseconds = 0) => NowMilliseconds = startMilliseconds;

        /// <inheritdoc/>
        public long NowMilliseconds { get; private set; }

        /// <summary>Moves time forward by <paramref name="milliseconds"/> (negative values are ignored: time never goes back).</summary>
        public void Advance(long milliseconds)
        {
            if (milliseconds > 0) NowMilliseconds += milliseconds;
        }
    }
}
