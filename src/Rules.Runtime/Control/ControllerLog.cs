using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Control
{
    /// <summary>
    /// The controller's log messages (source-generated: when a level is disabled nothing is
    /// formatted or allocated). Event ids are stable for log filters.
    /// </summary>
    internal static partial class ControllerLog
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{TimeMs} ms: output {Output} -> {Level}")]
        public static partial void OutputChanged(ILogger logger, long timeMs, string output, OutputLevel level);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{TimeMs} ms: {Machine} {From} -> {To} ({Trigger})")]
        public static partial void StateChanged(ILogger logger, long timeMs, string machine, string from, string to, string trigger);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{TimeMs} ms: flag {Flag} -> {Value}")]
        public static partial void FlagChanged(ILogger logger, long timeMs, string flag, bool value);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{TimeMs} ms: LED {Led} -> {Pattern}")]
        public static partial void LedChanged(ILogger logger, long timeMs, string led, string pattern);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{TimeMs} ms: code {Code} raised: {Text}")]
        public static partial void CodeRaised(ILogger logger, long timeMs, string code, string text);

        [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{TimeMs} ms: code {Code} cleared")]
        public static partial void CodeCleared(ILogger logger, long timeMs, string code);
    }
}
