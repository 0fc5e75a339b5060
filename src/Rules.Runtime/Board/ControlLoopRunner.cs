using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The board's control loop. Each cycle: sample the inputs that are sampled together (ADC scan, cell
    /// data snapshot), let the <see cref="RuleController"/> read, step and drive, tell the observers, let the
    /// <see cref="WatchdogPolicy"/> decide on a watchdog reset, and measure the cycle. The next cycle runs one
    /// period later, or earlier when a blinking LED must change (<see cref="LedBlinkScheduler"/>).
    /// Nothing escapes a cycle: a failure is counted and logged, never thrown, and a cycle allocates nothing
    /// while logging is disabled. The outputs stay floating until the engine has seen valid battery data:
    /// that is the engine's rule (Health.NoData), which the loop only executes.
    /// </summary>
    public sealed class ControlLoopRunner
    {
        private readonly RuleController _controller;
        private readonly IClock _clock;
        private readonly int _periodMs;
        private readonly long _periodTicks;
        private readonly WatchdogPolicy? _watchdog;
        private readonly LedBlinkScheduler? _leds;
        private readonly IInputSampler[] _samplers;
        private readonly ICycleObserver[] _observers;
        private readonly ILogger _logger;
        private long _scheduled = long.MinValue;
        private bool _scheduledForLed;
        private bool _stallReported;
        private bool _measureAllocations = true;

        /// <summary>Creates the runner.</summary>
        public ControlLoopRunner(RuleController controller, IClock clock, int periodMs, WatchdogPolicy? watchdog = null,
            LedBlinkScheduler? leds = null, IEnumerable<IInputSampler>? samplers = null, IEnumerable<ICycleObserver>? observers = null,
            ILogger? logger = null)
        {
            _controller = controller ?? throw new ArgumentNullException(nameof(controller));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            if (periodMs <= 0) throw new ArgumentOutOfRangeException(nameof(periodMs), periodMs, "The control period must be positive.");
            _periodMs = periodMs;
            _periodTicks = periodMs * Stopwatch.Frequency / 1000;
            _watchdog = watchdog;
            _leds = leds;
            _samplers = samplers is null ? Array.Empty<IInputSampler>() : new List<IInputSampler>(samplers).ToArray();
            _observers = observers is null ? Array.Empty<ICycleObserver>() : new List<ICycleObserver>(observers).ToArray();
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The control period (ms): the longest time between two cycles.</summary>
        public int PeriodMs => _periodMs;

        /// <summary>The controller the loop drives.</summary>
        public RuleController Controller => _controller;

        /// <summary>The loop's own measurements.</summary>
        public CycleStatistics Statistics { get; } = new CycleStatistics();

        /// <summary>The watchdog policy, if the loop resets a watchdog.</summary>
        public WatchdogPolicy? Watchdog => _watchdog;

        /// <summary>
        /// Runs cycles until <paramref name="token"/> is cancelled, waiting with <paramref name="wait"/> in
        /// between. Enables the watchdog (if any) just before the first cycle.
        /// </summary>
        public void Run(ILoopWait wait, CancellationToken token)
        {
            if (wait is null) throw new ArgumentNullException(nameof(wait));
            StartWatchdog();
            while (!token.IsCancellationRequested)
            {
                var delay = RunCycle();
                if (delay > 0) wait.Wait(delay, token);
            }
        }

        /// <summary>Enables the watchdog now (done by <see cref="Run"/>; call it yourself when driving <see cref="RunCycle"/> directly).</summary>
        public void StartWatchdog()
        {
            if (_watchdog is null || _watchdog.Enabled) return;
            try
            {
                _watchdog.Start(_clock.NowMilliseconds);
            }
            catch (Exception e)
            {
                BoardLog.WatchdogUnavailable(_logger, e);
            }
        }

        private long AllocatedBytes()
        {
            if (!_measureAllocations) return 0;
            try
            {
                return GC.GetAllocatedBytesForCurrentThread();
            }
            catch (Exception)
            {
                // A runtime without per-thread allocation counting (possible on some Mono builds): stop asking.
                _measureAllocations = false;
                Statistics.RecordAllocation(-1);
                return 0;
            }
        }

        /// <summary>One control cycle. Returns how long to wait (ms) before the next one. Never throws.</summary>
        public int RunCycle()
        {
            var start = _clock.NowMilliseconds;
            var lateness = _scheduled == long.MinValue ? 0 : Math.Max(0, start - _scheduled);
            var forLed = _scheduledForLed;
            var allocatedBefore = AllocatedBytes();
            var startTicks = Stopwatch.GetTimestamp();
            var ticksBefore = _controller.Ticks;

            for (var i = 0; i < _samplers.Length; i++)
            {
                try
                {
                    _samplers[i].Sample();
                }
                catch (Exception)
                {
                    // Samplers report failure as NaN inputs themselves; one that throws anyway must not stop the cycle.
                }
            }

            var driven = true;
            try
            {
                _controller.Tick();
            }
            catch (Exception e)
            {
                driven = false;
                if (Statistics.Failures == 0 || Statistics.Failures % 100 == 0) BoardLog.CycleFailed(_logger, Statistics.Cycles, e);
            }

            var stepped = _controller.Ticks != ticksBefore;
            var stepTime = _controller.LastStepTime;
            if (stepped)
            {
                _leds?.Observe(stepTime);
                if (driven)
                {
                    for (var i = 0; i < _observers.Length; i++)
                    {
                        try
                        {
                            _observers[i].CycleCompleted(_controller.Engine, stepTime);
                        }
                        catch (Exception e)
                        {
                            BoardLog.ObserverFailed(_logger, e);
                        }
                    }
                }
            }

            if (_watchdog is not null)
            {
                try
                {
                    _watchdog.CycleCompleted(stepped ? stepTime : start, driven && stepped);
                }
                catch (Exception e)
                {
                    BoardLog.WatchdogUnavailable(_logger, e);
                }
                if (_watchdog.Stalled && !_stallReported)
                {
                    _stallReported = true;
                    BoardLog.LoopStalled(_logger, _watchdog.StallGapMs, _watchdog.TimeoutMs);
                }
            }

            Statistics.Record(Stopwatch.GetTimestamp() - startTicks, _periodTicks, lateness, !driven, forLed);
            if (_measureAllocations) Statistics.RecordAllocation(AllocatedBytes() - allocatedBefore);

            var next = start + _periodMs;
            var ledChange = _leds?.NextChange(stepped ? stepTime : start) ?? long.MaxValue;
            _scheduledForLed = ledChange < next;
            if (_scheduledForLed) next = ledChange;
            _scheduled = next;
            var delay = next - _clock.NowMilliseconds;
            return delay <= 0 ? 0 : delay > int.MaxValue ? int.MaxValue : (int)delay;
        }
    }
}
