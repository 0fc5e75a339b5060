using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// The BMS end of the bus: reads what the link has, follows the frame numbers, and answers a sync frame with
    /// the BMS frame when one is due — but only while the gap after that sync is still free, i.e. when the sync
    /// frame was the last thing read (bytes already behind it mean another device is talking or this end is
    /// late; the frame then waits for the next sync). Allocation-free after construction. Call <see cref="Poll"/>
    /// as soon as bytes arrive; its latency from a sync to the frame handed to the link is what the bus slot allows.
    /// </summary>
    public sealed class VeBusBmsLink : IVeBusFrameSink
    {
        private readonly IByteLink _link;
        private readonly VeBusReceiver _receiver;
        private readonly byte[] _read = new byte[256];
        private readonly byte[] _frame;
        private bool _syncOpen;
        private int _lastFrameNumber = -1;

        /// <summary>
        /// Links <paramref name="engine"/> (which must have a VE.Bus layout) to the bus through <paramref name="link"/>;
        /// <paramref name="sendOnFlagChange"/>: see <see cref="VeBusBmsTransmitter"/>.
        /// </summary>
        public VeBusBmsLink(IFlagSource engine, IByteLink link, bool sendOnFlagChange = true)
        {
            _link = link ?? throw new ArgumentNullException(nameof(link));
            Transmitter = new VeBusBmsTransmitter(engine, sendOnFlagChange);
            _receiver = new VeBusReceiver(this);
            _frame = new byte[Transmitter.MaxWireLength];
        }

        /// <summary>The transmitter (its frame format, frames sent).</summary>
        public VeBusBmsTransmitter Transmitter { get; }

        /// <summary>Sync frames received.</summary>
        public long SyncsSeen { get; private set; }

        /// <summary>Valid frames received (sync and data).</summary>
        public long FramesSeen { get; private set; }

        /// <summary>Rejections (corrupted, truncated or garbage bytes).</summary>
        public long Rejections { get; private set; }

        /// <summary>Sync frames that were not the last thing read, so their gap was not used.</summary>
        public long LateSyncs { get; private set; }

        /// <summary>The last frame number seen on the bus, or −1.</summary>
        public int LastFrameNumber => _lastFrameNumber;

        /// <summary>
        /// Reads everything the link has and, if it ended with a sync frame, lets the transmitter use the gap.
        /// Returns the number of bytes handed to the link (0 when no frame was sent).
        /// </summary>
        public int Poll(long nowMs)
        {
            var any = false;
            while (true)
            {
                var n = _link.Read(_read);
                if (n <= 0) break;
                any = true;
                _receiver.Feed(new ReadOnlySpan<byte>(_read, 0, n));
            }
            if (!any || !_syncOpen) return 0;
            _syncOpen = false;
            if (_receiver.Pending > 0)
            {
                LateSyncs++;
                return 0;
            }
            var written = Transmitter.OnSyncGap(_lastFrameNumber, nowMs, _frame);
            if (written > 0) _link.Write(new ReadOnlySpan<byte>(_frame, 0, written));
            return written;
        }

        void IVeBusFrameSink.OnFrame(in VeBusFrame frame)
        {
            FramesSeen++;
            _lastFrameNumber = frame.FrameNumber;
            if (_syncOpen) LateSyncs++;
            _syncOpen = frame.IsSync;
            if (frame.IsSync) SyncsSeen++;
        }

        void IVeBusFrameSink.OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes)
        {
            Rejections++;
            if (_syncOpen) LateSyncs++;
            _syncOpen = false;
        }
    }
}
