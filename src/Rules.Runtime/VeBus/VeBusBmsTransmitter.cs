using System;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// Decides when the BMS frame goes on the bus, by the layout's rules: only in the gap after a sync frame, with
    /// the frame number after the last one seen; nothing while the layout's send-when flag is off (boot loader); at
    /// once (the next gap) when a flag the frame carries changes; otherwise repeated at the normal interval, or the
    /// longer one while the layout's low-power flag is set. The frame carries the engine's flags at the moment it is
    /// written. Allocation-free.
    /// </summary>
    public sealed class VeBusBmsTransmitter
    {
        private readonly IRuleEngine _engine;
        private readonly VeBusLayout _layout;
        private readonly byte[] _lastPayload;
        private readonly byte[] _payload;
        private bool _hasSent;

        /// <summary>Transmits for <paramref name="engine"/>, whose descriptor must have a VE.Bus layout.</summary>
        public VeBusBmsTransmitter(IRuleEngine engine)
        {
            _engine = engine ?? throw new ArgumentNullException(nameof(engine));
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
        /// Called in the gap after a sync frame (<paramref name="lastFrameNumber"/> = the last frame number seen on
        /// the bus). Writes the BMS frame into <paramref name="destination"/> when one is due and returns its length,
        /// or returns 0.
        /// </summary>
        public int OnSyncGap(int lastFrameNumber, long nowMs, Span<byte> destination)
        {
            if (!_engine.GetFlag(_layout.SendWhenFlag))
            {
                _hasSent = false;
                return 0;
            }
            Format.WritePayload(_engine, _payload);
            var interval = _engine.GetFlag(_layout.LowPowerFlag) ? _layout.LowPowerIntervalMilliseconds : _layout.NormalIntervalMilliseconds;
            var changed = !_hasSent || !_payload.AsSpan().SequenceEqual(_lastPayload);
            if (!changed && nowMs - LastSentMilliseconds < interval) return 0;
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
