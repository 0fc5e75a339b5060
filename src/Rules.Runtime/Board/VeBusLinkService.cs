using System;
using System.Threading;
using BmsRules.Runtime.VeBus;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The board's VE.Bus BMS link: on its own thread, it reads what the receive pump delivered, answers each sync
    /// frame with the BMS frame when one is due (<see cref="VeBusBmsLink"/>, layout from the spec), built from the
    /// last completed control cycle's flags, and reports the engine input MultiOn. Allocation-free in its loop.
    /// </summary>
    public sealed class VeBusLinkService : ILinkService
    {
        /// <summary>
        /// The Multi counts as on while its sync frames keep coming. Assumption (the Multi's own state frames are
        /// not decoded): the Multi clocks the bus while it is switched on; 5 missed syncs (20 ms each) is off.
        /// A Multi that keeps sending syncs while switched off only keeps the status LED flashing.
        /// </summary>
        public const long MultiOnWithinMilliseconds = 100;

        private readonly LinkContext _context;
        private readonly SnapshotFlagSource _flags;
        private Thread? _thread;
        private volatile bool _stopping;
        private long _lastSyncMs = long.MinValue / 2;
        private long _syncsSeen;

        /// <summary>Creates the service for the board's <paramref name="context"/>.</summary>
        public VeBusLinkService(LinkContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _flags = new SnapshotFlagSource(context.Engine);
            Link = new VeBusBmsLink(_flags, context.Link);
        }

        /// <summary>The BMS end of the bus (counters: syncs, frames, rejections, late syncs; frames sent).</summary>
        public VeBusBmsLink Link { get; }

        /// <summary>Whether the loop is running.</summary>
        public bool IsRunning => _thread is not null;

        /// <summary>One pass: take the last cycle's flags, read the bus, answer a sync, update MultiOn. Returns bytes sent.</summary>
        public int PollOnce()
        {
            var now = _context.Clock.NowMilliseconds;
            _flags.Refresh();
            var sent = Link.Poll(now);
            if (Link.SyncsSeen != _syncsSeen)
            {
                _syncsSeen = Link.SyncsSeen;
                _lastSyncMs = now;
            }
            _context.MultiOn.Set(now - _lastSyncMs <= MultiOnWithinMilliseconds);
            return sent;
        }

        /// <inheritdoc/>
        public void Start()
        {
            if (_thread is not null) return;
            _stopping = false;
            _thread = new Thread(Loop) { IsBackground = true, Name = "VE.Bus link", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
            BoardLog.LinkStarted(_context.Logger, _context.Settings.PortName, _flags.Descriptor.VeBus?.Provisional ?? true);
        }

        /// <inheritdoc/>
        public void Stop()
        {
            _stopping = true;
            _thread?.Join(1_000);
            _thread = null;
            _context.MultiOn.Invalidate();
        }

        private void Loop()
        {
            while (!_stopping)
            {
                try
                {
                    // A sync leaves a gap of a few ms: poll as soon as bytes are there, else look again in 1 ms.
                    if (_context.Link.BytesAvailable > 0) PollOnce();
                    else
                    {
                        _context.MultiOn.Set(_context.Clock.NowMilliseconds - _lastSyncMs <= MultiOnWithinMilliseconds);
                        Thread.Sleep(1);
                    }
                }
                catch (Exception ex)
                {
                    // A failing UART must not end the link for good: log, pause, go on.
                    BoardLog.LinkError(_context.Logger, ex);
                    Thread.Sleep(100);
                }
            }
        }
    }
}
