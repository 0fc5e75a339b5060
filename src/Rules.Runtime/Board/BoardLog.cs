using System;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>The board loop's log messages (source-generated: nothing is formatted or allocated when a level is off).</summary>
    internal static partial class BoardLog
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Control cycle {Cycle} failed; the outputs were not confirmed this cycle")]
        public static partial void CycleFailed(ILogger logger, long cycle, Exception exception);

        [LoggerMessage(EventId = 101, Level = LogLevel.Critical, Message = "Control loop stalled for {GapMs} ms: the watchdog is no longer reset and the board will reset within {TimeoutMs} ms")]
        public static partial void LoopStalled(ILogger logger, long gapMs, int timeoutMs);

        [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Watchdog call failed")]
        public static partial void WatchdogUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "A cycle observer failed")]
        public static partial void ObserverFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 104, Level = LogLevel.Information,
            Message = "Loop: {Cycles} cycles ({LedCycles} for LEDs), cycle worst {WorstUs:0} µs mean {MeanUs:0} µs, start lateness worst {LateMs} ms, overruns {Overruns}, failures {Failures}, watchdog resets {Resets}, allocated {AllocatedBytes} B in {AllocatingCycles} cycles")]
        public static partial void LoopStatistics(ILogger logger, long cycles, long ledCycles, double worstUs, double meanUs, long lateMs, long overruns, long failures, long resets,
            long allocatedBytes, long allocatingCycles);

        [LoggerMessage(EventId = 105, Level = LogLevel.Information,
            Message = "Serial receive: {Bytes} bytes in {Deliveries} deliveries, largest gap {MaxGapMs} ms, largest delivery {MaxBytes} bytes, port overruns {Overruns}, ring dropped {Dropped} bytes, errors {Errors}")]
        public static partial void ReceiveStatistics(ILogger logger, long bytes, long deliveries, long maxGapMs, long maxBytes, long overruns, long dropped, long errors);

        [LoggerMessage(EventId = 106, Level = LogLevel.Information,
            Message = "Board {Profile}: product {Product}, input mode {Mode}, control period {PeriodMs} ms, watchdog {TimeoutMs} ms (warm-up grace {WarmUpMs} ms)")]
        public static partial void Started(ILogger logger, string profile, string product, string mode, int periodMs, int timeoutMs, int warmUpMs);

        [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "All outputs floating: {Reason}")]
        public static partial void OutputsFloated(ILogger logger, string reason);

        [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "VE.Bus link started on {Port} (BMS frame layout provisional: {Provisional})")]
        public static partial void LinkStarted(ILogger logger, string port, bool provisional);

        [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "VE.Bus link error; retrying")]
        public static partial void LinkError(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 110, Level = LogLevel.Warning,
            Message = "Serial receive on {Port} lost bytes: {NewOverruns} new port buffer overruns ({Overruns} in all), {NewDropped} bytes the receive ring had no room for ({Dropped} in all); the frames they belonged to fail their checksum")]
        public static partial void ReceiveLost(ILogger logger, string port, long newOverruns, long overruns, long newDropped, long dropped);

        [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "app.config.yaml: {Message}")]
        public static partial void ConfigNote(ILogger logger, string message);

        [LoggerMessage(EventId = 112, Level = LogLevel.Critical, Message = "app.config.yaml: {Message}")]
        public static partial void ConfigRefused(ILogger logger, string message);
    }
}
