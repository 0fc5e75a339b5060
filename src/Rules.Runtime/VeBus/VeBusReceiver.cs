using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// Turns a byte stream from the bus into frames. Bytes are collected up to each end byte <c>FF</c> (which
    /// stuffing keeps out of every frame's inside) and decoded. A collection that is not a valid frame is searched
    /// for a later frame start (a sync or data byte at index 2; stuffing keeps bare <c>FD</c>/<c>FE</c> out of
    /// payloads too), so a frame that lost its end byte, or noise, costs only itself. Every byte fed is reported
    /// exactly once, in a frame or in a rejection, and nothing is reported twice. Allocation-free; never throws.
    /// Not thread-safe: one reader feeds it.
    /// </summary>
    public sealed class VeBusReceiver
    {
        private readonly IVeBusFrameSink _sink;
        private readonly ChecksumFunction _checksum;
        private readonly byte[] _buffer = new byte[VeBusFrameCodec.MaxWireLength];
        private readonly byte[] _payload = new byte[VeBusFrameCodec.MaxWireLength];
        private int _count;

        /// <summary>Creates a receiver that reports to <paramref name="sink"/>.</summary>
        public VeBusReceiver(IVeBusFrameSink sink) : this(sink, VeBusChecksum.Function)
        {
        }

        internal VeBusReceiver(IVeBusFrameSink sink, ChecksumFunction checksum)
        {
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            _checksum = checksum;
        }

        /// <summary>Bytes held that do not yet end in an end byte.</summary>
        public int Pending => _count;

        /// <summary>Feeds bytes as they arrive; frames and rejections are reported before this returns.</summary>
        public void Feed(ReadOnlySpan<byte> bytes)
        {
            for (var i = 0; i < bytes.Length; i++) Push(bytes[i]);
        }

        /// <summary>Reports the bytes still held (end of stream, or a gap on the bus) as truncated or garbage.</summary>
        public void Flush()
        {
            if (_count == 0) return;
            var held = new ReadOnlySpan<byte>(_buffer, 0, _count);
            _count = 0;
            _sink.OnRejected(StartsLikeFrame(held) ? VeBusFrameError.Truncated : VeBusFrameError.Garbage, held);
        }

        /// <summary>Drops everything held without reporting it.</summary>
        public void Clear() => _count = 0;

        private void Push(byte b)
        {
            if (_count == _buffer.Length) MakeRoom();
            _buffer[_count++] = b;
            if (b != VeBusFrameCodec.EndOfFrame) return;
            var count = _count;
            _count = 0;
            Complete(new ReadOnlySpan<byte>(_buffer, 0, count));
        }

        private void Complete(ReadOnlySpan<byte> chunk)
        {
            var error = VeBusFrameCodec.Decode(chunk, _payload, out var frame, _checksum);
            if (error == VeBusFrameError.None)
            {
                _sink.OnFrame(frame);
                return;
            }
            for (var start = 1; start + VeBusFrameCodec.MinWireLength <= chunk.Length; start++)
            {
                if (!VeBusFrameCodec.IsKind(chunk[start + 2])) continue;
                if (VeBusFrameCodec.Decode(chunk.Slice(start), _payload, out frame, _checksum) != VeBusFrameError.None) continue;
                var skipped = chunk.Slice(0, start);
                _sink.OnRejected(StartsLikeFrame(skipped) ? VeBusFrameError.Truncated : VeBusFrameError.Garbage, skipped);
                _sink.OnFrame(frame);
                return;
            }
            _sink.OnRejected(error, chunk);
        }

        // The buffer is full without an end byte: nothing from its first byte can be a frame. Drop up to the next
        // place a frame could start (or all but the last two bytes, which may be the address of a frame to come).
        private void MakeRoom()
        {
            var drop = -1;
            for (var start = 1; start + 2 < _count; start++)
            {
                if (!VeBusFrameCodec.IsKind(_buffer[start + 2])) continue;
                if (start + 3 < _count && !VeBusFrameNumber.IsValid(_buffer[start + 3])) continue;
                drop = start;
                break;
            }
            if (drop < 0) drop = _count - 2;
            var dropped = new ReadOnlySpan<byte>(_buffer, 0, drop);
            _sink.OnRejected(StartsLikeFrame(dropped) ? VeBusFrameError.TooLong : VeBusFrameError.Garbage, dropped);
            Buffer.BlockCopy(_buffer, drop, _buffer, 0, _count - drop);
            _count -= drop;
        }

        private static bool StartsLikeFrame(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && VeBusFrameCodec.IsKind(bytes[2]);
    }
}
