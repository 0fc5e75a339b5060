namespace BmsRules.Runtime.Hardware
{
    /// <summary>
    /// A hardware watchdog: once enabled, the board resets unless <see cref="Reset"/> is called within
    /// the timeout. A reset leaves every output floating, the safe state.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Starts the watchdog with <paramref name="timeoutMilliseconds"/>; on most hardware it cannot be stopped again.</summary>
        void Enable(int timeoutMilliseconds);

        /// <summary>Restarts the timeout ("pets" the watchdog).</summary>
        void Reset();
    }
}
