using System;
using System.Threading;
using BmsRules.Runtime.Serial;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// A Meadow serial port as the board's UART link: the VE.Bus UART (COM4, 256000 8N1) behind an auto-direction
    /// RS-485 transceiver, so no direction pin is driven here. Meadow's read thread blocks in the driver's read and,
    /// right after appending what it got, raises <c>DataReceived</c> on that thread; this adapter passes it on as
    /// <see cref="BytesArrived"/>, so the receive path is woken by the port (docs/hardware.md, "Serial receive timing").
    /// Reads and writes go through fixed buffers (the port's API takes arrays, the runtime passes spans) and allocate
    /// nothing. Reads come from the arrival handler on Meadow's read thread, writes from the link service's thread:
    /// each side has its own buffer.
    /// </summary>
    internal sealed class SerialPortByteLink : ISerialPortLink, IDisposable
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
            _port.DataReceived += OnDataReceived;
            if (!_port.IsOpen) _port.Open();
        }

        public event Action? BytesArrived;

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
            _port.DataReceived -= OnDataReceived;
            _port.BufferOverrun -= OnBufferOverrun;
            _port.Dispose();
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            try
            {
                BytesArrived?.Invoke();
            }
            catch (Exception)
            {
                // Never into Meadow's read thread: it would pause reception for a second. The pump counts its own errors.
            }
        }

        private void OnBufferOverrun(object sender, EventArgs e) => Interlocked.Increment(ref _overruns);
    }
}
