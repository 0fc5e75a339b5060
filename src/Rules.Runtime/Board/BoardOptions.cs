using System;
using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The choices a board's application configuration may make: on Meadow, custom settings in app.config.yaml,
    /// section <c>BmsRules</c>. Meadow hands them over as a dictionary whose keys are the dotted path of the YAML
    /// sections (<c>BmsRules.Watchdog</c>) and whose values are the text after the colon, verbatim: an inline
    /// <c># comment</c> and quotes stay in the value, and a line indented with a tab is read outside its section
    /// (Meadow counts only spaces as indentation). So a value's inline comment and quotes are removed here (and
    /// logged), and an option that landed outside its section, an unknown option or a value that is not understood
    /// refuses the start-up with one clear log line, rather than being guessed. Anything not set takes the safe
    /// default: the spec's default input mode, watchdog on.
    /// </summary>
    public sealed class BoardOptions
    {
        /// <summary>The app.config.yaml section of these options.</summary>
        public const string Section = "BmsRules";

        /// <summary>Setting key: the input mode, i.e. where battery data come from (a mode of the spec's board section).</summary>
        public const string BatteryDataKey = Section + ".BatteryData";

        /// <summary>Setting key: whether the hardware watchdog runs (<c>true</c> or <c>false</c>).</summary>
        public const string WatchdogKey = Section + ".Watchdog";

        private static readonly string[] Options = { "BatteryData", "Watchdog" };

        private BoardOptions(BoardProfile profile, bool watchdog)
        {
            Profile = profile;
            Watchdog = watchdog;
        }

        /// <summary>The board profile to wire (its input mode chosen by <see cref="BatteryDataKey"/>).</summary>
        public BoardProfile Profile { get; }

        /// <summary>Whether the hardware watchdog runs. Default on; switch it off only on a bench (see docs/hardware.md).</summary>
        public bool Watchdog { get; }

        /// <summary>
        /// Reads the options from application settings (key → value, as Meadow parsed them). Logs each value it had to
        /// clean up; logs and throws (<see cref="ArgumentException"/>) when it refuses the configuration.
        /// </summary>
        public static BoardOptions From(IReadOnlyDictionary<string, string>? settings, ILogger? logger = null)
        {
            logger ??= NullLogger.Instance;
            settings ??= new Dictionary<string, string>();
            foreach (var pair in settings) CheckKey(pair.Key, logger);

            var mode = VeBusBmsV2Board.DefaultInputMode;
            if (settings.TryGetValue(BatteryDataKey, out var source))
            {
                var value = Clean(BatteryDataKey, source, logger);
                mode = ModeNamed(value) ?? throw Refuse(logger,
                    $"{BatteryDataKey} must be an input mode of the board ({string.Join(" or ", ModeNames())}), not '{value}'.");
            }
            var watchdog = true;
            if (settings.TryGetValue(WatchdogKey, out var enabled))
            {
                var value = Clean(WatchdogKey, enabled, logger);
                watchdog = value.ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw Refuse(logger, $"{WatchdogKey} must be true or false, not '{value}'."),
                };
            }
            return new BoardOptions(BoardProfiles.MeadowF7FeatherV2In(mode), watchdog);
        }

        /// <summary>
        /// The value as YAML means it: without an inline comment (a '#' after white space) and without enclosing quotes,
        /// trimmed. Says so in the log when it removed something.
        /// </summary>
        public static string Clean(string key, string raw, ILogger logger)
        {
            var value = raw ?? "";
            for (var i = 1; i < value.Length; i++)
            {
                if (value[i] != '#' || (value[i - 1] != ' ' && value[i - 1] != '\t')) continue;
                BoardLog.ConfigNote(logger, $"{key}: the inline comment '{value.Substring(i).Trim()}' is not part of the value (Meadow passes it on); using '{value.Substring(0, i).Trim()}'.");
                value = value.Substring(0, i);
                break;
            }
            value = value.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2).Trim();
                BoardLog.ConfigNote(logger, $"{key}: quotes removed (Meadow passes them on); using '{value}'.");
            }
            return value;
        }

        // Every key is looked at, not only ours: an option Meadow read outside the BmsRules section (a tab-indented
        // line, a wrong indent) would otherwise be dropped in silence and its default used.
        private static void CheckKey(string key, ILogger logger)
        {
            if (key.IndexOf('\t') >= 0)
                throw Refuse(logger, $"the key '{key.Replace("\t", "\\t")}' contains a tab. Meadow counts only spaces as indentation: indent with two spaces.");
            if (key == BatteryDataKey || key == WatchdogKey) return;
            if (key.StartsWith(Section + ".", StringComparison.Ordinal))
                throw Refuse(logger, $"'{key}' is not a {Section} option; the options are {BatteryDataKey} and {WatchdogKey}.");
            var name = key.Substring(key.LastIndexOf('.') + 1).Trim();
            foreach (var option in Options)
            {
                if (!string.Equals(name, option, StringComparison.OrdinalIgnoreCase)) continue;
                throw Refuse(logger, $"'{option}' was read as '{key}', outside the {Section} section, so it would be ignored. " +
                    $"Meadow counts only spaces as indentation: a tab-indented line lands outside its section. Indent it under '{Section}:' with two spaces.");
            }
        }

        private static string? ModeNamed(string value)
        {
            foreach (var mode in VeBusBmsV2Board.Info.Modes)
            {
                if (string.Equals(mode.Name, value, StringComparison.OrdinalIgnoreCase)) return mode.Name;
            }
            return null;
        }

        private static IEnumerable<string> ModeNames()
        {
            foreach (var mode in VeBusBmsV2Board.Info.Modes) yield return mode.Name;
        }

        private static ArgumentException Refuse(ILogger logger, string message)
        {
            BoardLog.ConfigRefused(logger, message + " The board does not start; every output stays floating.");
            return new ArgumentException("app.config.yaml: " + message, "settings");
        }
    }
}
