using System;
using System.Collections.Generic;
using System.Threading;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using BmsRules.Targets.Meadow.Adapters;
using Meadow;

namespace BmsRules.Targets.Meadow
{
    /// <summary>
    /// The BMS on a Meadow device, without the App&lt;&gt; shell: reads the board options, wires the board
    /// through <see cref="BoardComposer"/>, runs the control loop on a thread of its own, and floats every
    /// output on shutdown or error. Written against Meadow.Contracts only (type-checked, docs/hardware.md).
    /// </summary>
    public sealed class BmsApplication
    {
        private readonly IMeadowDevice _device;
        private readonly IReadOnlyDictionary<string, string> _settings;
        private readonly global::Meadow.Logging.Logger _log;
        private readonly Func<LinkContext, ILinkService>? _linkFactory;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private WiredBoard? _board;
        private Thread? _loop;

        /// <summary>
        /// Creates the application. <paramref name="linkFactory"/> is the VE.Bus link integration point:
        /// the BMS link service of BmsRules.Runtime.VeBus, built from the board's <see cref="LinkContext"/>
        /// (null: the UART stays closed and MultiOn stays unknown, read as "off").
        /// </summary>
        public BmsApplication(IMeadowDevice device, IReadOnlyDictionary<string, string> settings, global::Meadow.Logging.Logger log,
            Func<LinkContext, ILinkService>? linkFactory)
        {
            _device = device ?? throw new ArgumentNullException(nameof(device));
            _settings = settings ?? new Dictionary<string, string>();
            _log = log ?? throw new ArgumentNullException(nameof(log));
            _linkFactory = linkFactory;
        }

        /// <summary>The wired board, after <see cref="Initialize"/>.</summary>
        public WiredBoard? Board => _board;

        /// <summary>
        /// Wires the board: every terminal floating, every LED dark, inputs ready. Throws when the configuration is
        /// wrong, after logging why in one line (BoardOptions).
        /// </summary>
        public void Initialize()
        {
            var logger = new MeadowLogger(_log);
            var options = BoardOptions.From(_settings, logger);
            _board = BoardComposer.Compose(options.Profile, new MeadowBoardIo(_device), new MonotonicClock(), logger, _linkFactory, options.Watchdog);
        }

        /// <summary>Starts the control loop thread; it stops when <paramref name="appToken"/> or <see cref="Stop"/> ends it.</summary>
        public void Start(CancellationToken appToken)
        {
            var board = _board ?? throw new InvalidOperationException("Initialize first.");
            var token = CancellationTokenSource.CreateLinkedTokenSource(appToken, _stop.Token).Token;
            _loop = new Thread(() => RunLoop(board, token)) { Name = "BMS control loop", IsBackground = true, Priority = ThreadPriority.Highest };
            _loop.Start();
        }

        /// <summary>Stops the loop (outputs float as it exits) and waits for it.</summary>
        public void Stop()
        {
            _stop.Cancel();
            _loop?.Join(2_000);
            _board?.FloatAll("application shut down");
        }

        /// <summary>After an application error: every output floats at once. The watchdog, no longer reset, then resets the board.</summary>
        public void Fail(Exception error)
        {
            _stop.Cancel();
            _board?.FloatAll("application error: " + error?.Message);
        }

        private void RunLoop(WiredBoard board, CancellationToken token)
        {
            try
            {
                board.Run(new SleepWait(), token);
            }
            catch (Exception e)
            {
                // The loop never throws by design; if something does escape, fail safe and say why.
                _log.Error(e, "application");
                board.FloatAll("control loop crashed: " + e.Message);
            }
        }
    }
}
