using System;

namespace BmsRules.Runtime.Board
{
    /// <summary>What a board pin does.</summary>
    public enum PinRole : byte
    {
        /// <summary>Drives a high/floating BMS output terminal through a driver stage (ATD, ATC, pre-alarm).</summary>
        Terminal,

        /// <summary>Drives an indicator LED.</summary>
        Led,

        /// <summary>Reads a bool engine input (a BTV signal behind an opto-coupler).</summary>
        DigitalInput,

        /// <summary>Reads a voltage engine input through a divider.</summary>
        AnalogInput,

        /// <summary>UART transmit.</summary>
        SerialTransmit,

        /// <summary>UART receive.</summary>
        SerialReceive,
    }

    /// <summary>
    /// One row of a board's pin map: which pin carries which signal, and how. <see cref="Signal"/> is the
    /// engine's name for outputs, LEDs and inputs, or the serial port's name for UART pins.
    /// </summary>
    public sealed class PinAssignment
    {
        private PinAssignment(string pin, PinRole role, string signal, string purpose, VoltageDivider? divider, bool activeLow)
        {
            if (string.IsNullOrWhiteSpace(pin)) throw new ArgumentException("A pin name is required.", nameof(pin));
            if (string.IsNullOrWhiteSpace(signal)) throw new ArgumentException("A signal name is required.", nameof(signal));
            Pin = pin;
            Role = role;
            Signal = signal;
            Purpose = purpose ?? "";
            Divider = divider;
            ActiveLow = activeLow;
        }

        /// <summary>The board's pin name (D02, A00, …).</summary>
        public string Pin { get; }

        /// <summary>What the pin does.</summary>
        public PinRole Role { get; }

        /// <summary>The engine input, output or LED name, or the serial port name.</summary>
        public string Signal { get; }

        /// <summary>What is wired there, for people and logs.</summary>
        public string Purpose { get; }

        /// <summary>The divider in front of an analog pin.</summary>
        public VoltageDivider? Divider { get; }

        /// <summary>Digital inputs: the signal is present when the pin reads low.</summary>
        public bool ActiveLow { get; }

        /// <summary>An output terminal driven through a high-side stage: pin high → terminal high, pin low or undriven → floating.</summary>
        public static PinAssignment Terminal(string pin, string output, string purpose) => new PinAssignment(pin, PinRole.Terminal, output, purpose, null, false);

        /// <summary>An LED: pin high → lit.</summary>
        public static PinAssignment Led(string pin, string led, string purpose) => new PinAssignment(pin, PinRole.Led, led, purpose, null, false);

        /// <summary>A bool input.</summary>
        public static PinAssignment DigitalInput(string pin, string input, bool activeLow, string purpose) => new PinAssignment(pin, PinRole.DigitalInput, input, purpose, null, activeLow);

        /// <summary>A voltage input through <paramref name="divider"/>.</summary>
        public static PinAssignment AnalogInput(string pin, string input, VoltageDivider divider, string purpose) =>
            new PinAssignment(pin, PinRole.AnalogInput, input, purpose, divider ?? throw new ArgumentNullException(nameof(divider)), false);

        /// <summary>A UART pin of port <paramref name="port"/>.</summary>
        public static PinAssignment Uart(string pin, string port, bool transmit, string purpose) =>
            new PinAssignment(pin, transmit ? PinRole.SerialTransmit : PinRole.SerialReceive, port, purpose, null, false);

        /// <inheritdoc/>
        public override string ToString() => $"{Pin}: {Role} {Signal}";
    }
}
