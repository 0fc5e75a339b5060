using System;
using System.Threading;
using BmsRules.Runtime.Hardware;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// A Meadow serial port as a byte link: the VE.Bus UART (COM4, 256000 8N1) behind an auto-direction
    /// RS-485 transceiver, so no direction pin is driven here. Reads and writes go through fixed buffers
    /// (the port's API takes arrays, the runtime passes spans) and allocate nothing. Reads come from the
    /// receive pump's thread, writes from the link service's: each side has its own buffer.
    /// </summary>
    internal sealed class SerialPortByteLink : IByteLink, IDisposable
    {
        private readonly ISerialPort _port;
        private readonly byte[] _receive;
        private readonly byte[] _transmit;
        private long _overruns;

        public SerialPortByteLink(ISerialPort port, int bufferBytes = 512)
        {
            _port = port ?? throw new ArgumentNullException(nameof(port));
            _receive = new byte[bufferBytes];
            _transmit = new byte[bufferBytes];
            _port.BufferOverrun += OnBufferOverrun;
            if (!_port.IsOpen) _port.Open();
        }

        /// <summary>Times the port's receive buffer overflowed (bytes were lost before the pump saw them).</summary>
        public long Overruns => Interlocked.Read(ref _overruns);

        public int BytesAvailable => _port.BytesToRead;

        public int Read(Span<byte> buffer)
        {
            var n = _port.Read(_receive, 0, Math.Min(buffer.Length, _receive.Length));
            new ReadOnlySpan<byte>(_receive, 0, n).CopyTo(buffer);
            return n;
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                var n = Math.Min(data.Length, _transmit.Length);
                data.Slice(0, n).CopyTo(_transmit);
                _port.Write(_transmit, 0, n);
                data = data.Slice(n);
            }
        }

        public void Dispose()
        {
            _port.BufferOverrun -= OnBufferOverrun;
            _port.Dispose();
        }

        private void OnBufferOverrun(object sender, EventArgs e) => Interlocked.Increment(ref _overruns);
    }
}
