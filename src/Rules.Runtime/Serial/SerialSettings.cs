using System;

namespace BmsRules.Runtime.Serial
{
    /// <summary>Parity of a UART frame.</summary>
    public enum SerialParity : byte
    {
        /// <summary>No parity bit.</summary>
        None,

        /// <summary>Odd parity.</summary>
        Odd,

        /// <summary>Even parity.</summary>
        Even,
    }

    /// <summary>Stop bits of a UART frame.</summary>
    public enum SerialStopBits : byte
    {
        /// <summary>One stop bit.</summary>
        One,

        /// <summary>Two stop bits.</summary>
        Two,
    }

    /// <summary>How a UART is opened: port name, baud rate and frame format, plus the driver's receive buffer size.</summary>
    public sealed class SerialSettings
    {
        /// <summary>VE.Bus: RS-485 at 256000 baud, 8N1, no flow control (docs/hardware.md; vebus reference §Physical).</summary>
        public static SerialSettings VeBus(string portName) => new SerialSettings(portName, 256_000, 8, SerialParity.None, SerialStopBits.One, 4096);

        /// <summary>Creates the settings.</summary>
        public SerialSettings(string portName, int baudRate, int dataBits, SerialParity parity, SerialStopBits stopBits, int receiveBufferBytes)
        {
            if (string.IsNullOrWhiteSpace(portName)) throw new ArgumentException("A port name is required.", nameof(portName));
            if (baudRate <= 0) throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "The baud rate must be positive.");
            if (dataBits < 5 || dataBits > 9) throw new ArgumentOutOfRangeException(nameof(dataBits), dataBits, "A UART frame has 5 to 9 data bits.");
            if (receiveBufferBytes <= 0) throw new ArgumentOutOfRangeException(nameof(receiveBufferBytes), receiveBufferBytes, "The receive buffer must have room.");
            PortName = portName;
            BaudRate = baudRate;
            DataBits = dataBits;
            Parity = parity;
            StopBits = stopBits;
            ReceiveBufferBytes = receiveBufferBytes;
        }

        /// <summary>The port's name on the board (COM4 on the Meadow F7 Feather: D01 TX, D00 RX).</summary>
        public string PortName { get; }

        /// <summary>Bits per second.</summary>
        public int BaudRate { get; }

        /// <summary>Data bits per character.</summary>
        public int DataBits { get; }

        /// <summary>Parity.</summary>
        public SerialParity Parity { get; }

        /// <summary>Stop bits.</summary>
        public SerialStopBits StopBits { get; }

        /// <summary>Size of the driver's receive buffer in bytes.</summary>
        public int ReceiveBufferBytes { get; }

        /// <summary>Bits on the wire per character: start + data + parity + stop.</summary>
        public int BitsPerCharacter => 1 + DataBits + (Parity == SerialParity.None ? 0 : 1) + (StopBits == SerialStopBits.Two ? 2 : 1);

        /// <summary>Time one character occupies the line, in microseconds (39.06 µs for VE.Bus).</summary>
        public double CharacterMicroseconds => BitsPerCharacter * 1_000_000d / BaudRate;

        /// <summary>Characters per second at full line load (25 600 for VE.Bus).</summary>
        public double CharactersPerSecond => (double)BaudRate / BitsPerCharacter;
    }
}
