using System;
using System.Collections.Generic;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The choices a board's application configuration may make (on Meadow: custom settings in
    /// app.config.yaml, section <c>BmsRules</c>). Anything not set takes the safe default; anything set to a
    /// value that is not understood fails the start-up, rather than being guessed.
    /// </summary>
    public sealed class BoardOptions
    {
        /// <summary>Setting key: where battery data come from (<c>BtvSignals</c> or <c>BatteryMonitor</c>).</summary>
        public const string BatteryDataKey = "BmsRules.BatteryData";

        /// <summary>Setting key: whether the hardware watchdog runs (<c>true</c> or <c>false</c>).</summary>
        public const string WatchdogKey = "BmsRules.Watchdog";

        private BoardOptions(BoardProfile profile, bool watchdog)
        {
            Profile = profile;
            Watchdog = watchdog;
        }

        /// <summary>The board profile to wire.</summary>
        public BoardProfile Profile { get; }

        /// <summary>Whether the hardware watchdog runs. Default on; switch it off only on a bench (see docs/hardware.md).</summary>
        public bool Watchdog { get; }

        /// <summary>Reads the options from application settings (key → value).</summary>
        public static BoardOptions From(IReadOnlyDictionary<string, string>? settings)
        {
            var profile = BoardProfiles.MeadowF7FeatherV2;
            var watchdog = true;
            if (settings is not null && settings.TryGetValue(BatteryDataKey, out var source))
            {
                profile = source.Trim() switch
                {
                    "BtvSignals" => BoardProfiles.MeadowF7FeatherV2,
                    "BatteryMonitor" => BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor,
                    _ => throw new ArgumentException($"{BatteryDataKey} must be BtvSignals or BatteryMonitor, not '{source}'.", nameof(settings)),
                };
            }
            if (settings is not null && settings.TryGetValue(WatchdogKey, out var enabled))
            {
                watchdog = enabled.Trim().ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new ArgumentException($"{WatchdogKey} must be true or false, not '{enabled}'.", nameof(settings)),
                };
            }
            return new BoardOptions(profile, watchdog);
        }
    }
}
