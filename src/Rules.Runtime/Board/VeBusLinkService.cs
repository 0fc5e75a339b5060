using System;
using System.Threading;
using BmsRules.Runtime.VeBus;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The board's VE.Bus BMS link: on its own thread, it sleeps until the receive pump says bytes arrived, then reads
    /// them, answers a sync frame with the BMS frame when one is due (<see cref="VeBusBmsLink"/>, layout from the spec),
    /// built from the last completed control cycle's flags, and reports the engine input MultiOn by the spec's rule
    /// (<see cref="MultiOnRule"/>, the same the simulator applies). Allocation-free in its loop.
    /// </summary>
    public sealed class VeBusLinkService : ILinkService
    {
        private readonly LinkContext _context;
        private readonly SnapshotFlagSource _flags;
        private readonly MultiOnRule _multiOn;
        private Thread? _thread;
        private volatile bool _stopping;
        private long _syncsSeen;

        /// <summary>Creates the service for the board's <paramref name="context"/>.</summary>
        public VeBusLinkService(LinkContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _flags = new SnapshotFlagSource(context.Engine);
            _multiOn = MultiOnRule.Of(context.Board);
            Link = new VeBusBmsLink(_flags, context.Link, context.Board.SendOnFlagChange);
        }

        /// <summary>The BMS end of the bus (counters: syncs, frames, rejections, late syncs; frames sent).</summary>
        public VeBusBmsLink Link { get; }

        /// <summary>Whether the loop is running.</summary>
        public bool IsRunning => _thread is not null;

        /// <summary>Passes of the loop (each after an arrival or a wait that timed out).</summary>
        public long Passes { get; private set; }

        /// <summary>One pass: take the last cycle's flags, read the bus, answer a sync, update MultiOn. Returns bytes sent.</summary>
        public int PollOnce()
        {
            var now = _context.Clock.NowMilliseconds;
            _flags.Refresh();
            var sent = Link.Poll(now);
            if (Link.SyncsSeen != _syncsSeen)
            {
                _syncsSeen = Link.SyncsSeen;
                _multiOn.SyncSeen(now);
            }
            _context.MultiOn.Set(_multiOn.IsOn(now));
            Passes++;
            return sent;
        }

        /// <summary>
        /// Waits for bytes (at most <paramref name="waitMs"/>), then makes one pass. The loop's body; tests call it.
        /// Returns bytes sent.
        /// </summary>
        public int WaitAndPoll(int waitMs)
        {
            // Woken by the port's arrival, not by a polling interval. The timeout only lets MultiOn fall to off
            // when the syncs stop.
            _context.Receiver.WaitForBytes(waitMs);
            return PollOnce();
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
            _context.Receiver.Stop(); // wakes the loop if it waits for bytes
            _thread?.Join(1_000);
            _thread = null;
            _context.MultiOn.Invalidate();
        }

        private void Loop()
        {
            var waitMs = _multiOn.WithinMilliseconds > int.MaxValue ? int.MaxValue : (int)_multiOn.WithinMilliseconds;
            while (!_stopping)
            {
                try
                {
                    WaitAndPoll(waitMs);
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
