using System;
using MeadowLogLevel = Meadow.Logging.LogLevel;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// The runtime logs through Microsoft.Extensions.Logging; on the board the messages go to Meadow's
    /// logger, which the Meadow CLI shows (<c>meadow listen</c>). Messages are formatted only when the
    /// level is enabled, so a disabled level costs nothing.
    /// </summary>
    internal sealed class MeadowLogger : Microsoft.Extensions.Logging.ILogger
    {
        private const string Group = "application";
        private readonly global::Meadow.Logging.Logger _log;

        public MeadowLogger(global::Meadow.Logging.Logger log) => _log = log ?? throw new ArgumentNullException(nameof(log));

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(MelLogLevel logLevel) => logLevel != MelLogLevel.None && ToMeadow(logLevel) >= _log.LogLevel;

        public void Log<TState>(MelLogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message += " | " + exception.GetType().Name + ": " + exception.Message;
            switch (ToMeadow(logLevel))
            {
                case MeadowLogLevel.Trace: _log.Trace(message, Group); break;
                case MeadowLogLevel.Debug: _log.Debug(message, Group); break;
                case MeadowLogLevel.Information: _log.Info(message, Group); break;
                case MeadowLogLevel.Warning: _log.Warn(message, Group); break;
                default: _log.Error(message, Group); break;
            }
        }

        private static MeadowLogLevel ToMeadow(MelLogLevel level) => level switch
        {
            MelLogLevel.Trace => MeadowLogLevel.Trace,
            MelLogLevel.Debug => MeadowLogLevel.Debug,
            MelLogLevel.Information => MeadowLogLevel.Information,
            MelLogLevel.Warning => MeadowLogLevel.Warning,
            _ => MeadowLogLevel.Error,
        };
    }
}
