using System;
using System.Collections.Generic;
using System.Threading;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// A wired board (made by <see cref="BoardComposer"/>): the engine, its controller and loop, the
    /// hardware they drive, the battery-data and link inputs, and the VE.Bus link if one was given.
    /// <see cref="Run"/> is the whole life of the application on the board.
    /// </summary>
    public sealed class WiredBoard
    {
        private readonly IReadOnlyList<IDigitalOutput> _terminals;
        private readonly IReadOnlyList<ILed> _leds;
        private readonly ILogger _logger;
        private int _linkStarted;

        internal WiredBoard(BoardProfile profile, IRuleEngine engine, RuleController controller, ControlLoopRunner runner,
            IReadOnlyList<IDigitalOutput> terminals, IReadOnlyList<ILed> leds, CellDataInputs? cellData, SharedInput multiOn,
            EngineSnapshotPublisher snapshots, SerialReceivePump? receiver, ILinkService? link, ILogger logger)
        {
            Profile = profile;
            Engine = engine;
            Controller = controller;
            Runner = runner;
            _terminals = terminals;
            _leds = leds;
            CellData = cellData;
            MultiOn = multiOn;
            Snapshots = snapshots;
            Receiver = receiver;
            Link = link;
            _logger = logger;
        }

        /// <summary>The board's profile.</summary>
        public BoardProfile Profile { get; }

        /// <summary>The engine.</summary>
        public IRuleEngine Engine { get; }

        /// <summary>The controller (bindings, change log).</summary>
        public RuleController Controller { get; }

        /// <summary>The control loop.</summary>
        public ControlLoopRunner Runner { get; }

        /// <summary>Where a battery monitor publishes cell data (null when the board uses BTV signals).</summary>
        public CellDataInputs? CellData { get; }

        /// <summary>The engine input MultiOn, written by the VE.Bus link.</summary>
        public SharedInput MultiOn { get; }

        /// <summary>The engine's decisions after each cycle, for the link.</summary>
        public EngineSnapshotPublisher Snapshots { get; }

        /// <summary>The VE.Bus receive pump, when a link service runs.</summary>
        public SerialReceivePump? Receiver { get; }

        /// <summary>The VE.Bus link service, when one was given.</summary>
        public ILinkService? Link { get; }

        /// <summary>
        /// Runs the board until <paramref name="token"/> is cancelled: starts the VE.Bus receive pump and link
        /// service, runs the control loop (which enables the watchdog), and on the way out stops the link and
        /// leaves every output floating.
        /// </summary>
        public void Run(ILoopWait wait, CancellationToken token)
        {
            try
            {
                StartLink();
                Runner.Run(wait, token);
            }
            finally
            {
                StopLink();
                FloatAll("control loop stopped");
            }
        }

        /// <summary>Starts the receive pump and the link service (done by <see cref="Run"/>).</summary>
        public void StartLink()
        {
            if (Interlocked.Exchange(ref _linkStarted, 1) == 1) return;
            Receiver?.Start();
            Link?.Start();
        }

        /// <summary>Stops the link service and the receive pump.</summary>
        public void StopLink()
        {
            if (Interlocked.Exchange(ref _linkStarted, 0) == 0) return;
            try
            {
                Link?.Stop();
            }
            finally
            {
                Receiver?.Stop();
                MultiOn.Invalidate();
            }
        }

        /// <summary>
        /// Leaves every terminal floating and every LED dark (shutdown, application error). Best effort:
        /// a terminal that fails does not keep the others from floating.
        /// </summary>
        public void FloatAll(string reason)
        {
            foreach (var terminal in _terminals)
            {
                try
                {
                    terminal.Set(OutputLevel.Floating);
                }
                catch (Exception)
                {
                    // Keep going: the other terminals must still float. The watchdog reset floats this one.
                }
            }
            foreach (var led in _leds)
            {
                try
                {
                    led.Set(false);
                }
                catch (Exception)
                {
                    // An LED is not worth stopping for.
                }
            }
            BoardLog.OutputsFloated(_logger, reason);
        }
    }
}
