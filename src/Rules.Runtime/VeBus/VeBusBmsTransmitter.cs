using System;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// Decides when the BMS frame goes on the bus, by the layout's rules: only in the gap after a sync frame, with
    /// the frame number after the last one seen; nothing while the layout's send-when flag is off (boot loader); at
    /// once (the next gap) when a flag the frame carries changes, unless told otherwise (the spec board section's
    /// frames.on_flag_change); otherwise repeated at the normal interval, or the
    /// longer one while the layout's low-power flag is set. The frame carries the engine's flags at the moment it is
    /// written. Allocation-free.
    /// </summary>
    public sealed class VeBusBmsTransmitter
    {
        private readonly IFlagSource _engine;
        private readonly VeBusLayout _layout;
        private readonly byte[] _lastPayload;
        private readonly byte[] _payload;
        private readonly bool _sendOnFlagChange;
        private bool _hasSent;

        /// <summary>
        /// Transmits for <paramref name="engine"/>, whose descriptor must have a VE.Bus layout. With
        /// <paramref name="sendOnFlagChange"/> a changed flag goes out in the next gap, otherwise at the next interval.
        /// </summary>
        public VeBusBmsTransmitter(IFlagSource engine, bool sendOnFlagChange = true)
        {
            _engine = engine ?? throw new ArgumentNullException(nameof(engine));
            _sendOnFlagChange = sendOnFlagChange;
            _layout = engine.Descriptor.VeBus
                      ?? throw new ArgumentException($"{engine.Descriptor.DisplayName} has no VE.Bus frame (no 'vebus:' section in its spec).", nameof(engine));
            Format = new VeBusBmsFrameFormat(_layout);
            _lastPayload = new byte[Format.PayloadLength];
            _payload = new byte[Format.PayloadLength];
        }

        /// <summary>The frame layout.</summary>
        public VeBusBmsFrameFormat Format { get; }

        /// <summary>Frames written so far.</summary>
        public long FramesSent { get; private set; }

        /// <summary>When the last frame was written (ms), or <see cref="long.MinValue"/>.</summary>
        public long LastSentMilliseconds { get; private set; } = long.MinValue;

        /// <summary>The longest a frame can be on the wire: the size <see cref="OnSyncGap"/> needs.</summary>
        public int MaxWireLength => Format.MaxWireLength;

        /// <summary>Forgets what was sent, so the next gap sends a frame (e.g. after the link was re-opened).</summary>
        public void Reset()
        {
            _hasSent = false;
            LastSentMilliseconds = long.MinValue;
        }

        /// <summary>
        /// When the next frame is due, from the engine's flags now: <paramref name="nowMs"/> when a flag the frame
        /// carries changed since the last frame (or none was sent since the send-when flag came on), the end of the
        /// repeat interval otherwise, and <see cref="long.MaxValue"/> while the send-when flag is off. The flags only
        /// change when the engine steps, so a scheduler (the simulator's bus) can skip every sync gap before this
        /// time and call <see cref="SkipGap"/> for them instead of <see cref="OnSyncGap"/>: the frames on the wire are
        /// the same. Changes nothing.
        /// </summary>
        public long NextDueMilliseconds(long nowMs)
        {
            if (!_engine.GetFlag(_layout.SendWhenFlag)) return long.MaxValue;
            Format.WritePayload(_engine, _payload);
            if (!_hasSent || (_sendOnFlagChange && !_payload.AsSpan().SequenceEqual(_lastPayload))) return nowMs;
            var interval = _engine.GetFlag(_layout.LowPowerFlag) ? _layout.LowPowerIntervalMilliseconds : _layout.NormalIntervalMilliseconds;
            var due = LastSentMilliseconds + interval;
            return due > nowMs ? due : nowMs;
        }

        /// <summary>
        /// A sync gap passed without a frame from this end (nothing was due): what <see cref="OnSyncGap"/> does in
        /// such a gap. While the send-when flag is off it forgets the last frame, so a frame goes out in the first
        /// gap after the flag is back on.
        /// </summary>
        public void SkipGap()
        {
            if (_engine.GetFlag(_layout.SendWhenFlag)) return;
            _hasSent = false;
        }

        /// <summary>
        /// Called in the gap after a sync frame (<paramref name="lastFrameNumber"/> = the last frame number seen on
        /// the bus). Writes the BMS frame into <paramref name="destination"/> when one is due and returns its length,
        /// or returns 0.
        /// </summary>
        public int OnSyncGap(int lastFrameNumber, long nowMs, Span<byte> destination)
        {
            if (NextDueMilliseconds(nowMs) > nowMs)
            {
                SkipGap();
                return 0;
            }
            // NextDueMilliseconds wrote the payload from the flags now.
            if (!VeBusFrameCodec.TryEncode(Format.Address, VeBusFrameKind.Data, VeBusFrameNumber.Next(lastFrameNumber), _payload, destination, out var written))
            {
                return 0;
            }
            _payload.AsSpan().CopyTo(_lastPayload);
            _hasSent = true;
            LastSentMilliseconds = nowMs;
            FramesSent++;
            return written;
        }
    }
}
