using System.Collections.Generic;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The hardware of a board, by pin name: what a target (the Meadow app) implements so that
    /// <see cref="BoardComposer"/> can wire a <see cref="BoardProfile"/> without knowing the platform.
    /// Implementations are thin adapters; an unknown pin name must throw at once (start-up, not in the loop).
    /// </summary>
    public interface IBoardIo
    {
        /// <summary>A terminal output on <paramref name="pin"/>, created driven low: the driver stage off, the terminal floating.</summary>
        IDigitalOutput CreateTerminal(string pin);

        /// <summary>An LED output on <paramref name="pin"/>, created dark.</summary>
        ILed CreateLed(string pin);

        /// <summary>A digital input on <paramref name="pin"/> with its pull-up enabled.</summary>
        IDigitalInput CreateDigitalInput(string pin);

        /// <summary>An ADC scan over <paramref name="pins"/>, channel i = pins[i].</summary>
        IAnalogScanHardware CreateAnalogScan(IReadOnlyList<string> pins);

        /// <summary>Opens the UART described by <paramref name="settings"/>; it reports arrivals and overruns.</summary>
        ISerialPortLink OpenSerial(SerialSettings settings);

        /// <summary>The board's hardware watchdog.</summary>
        IWatchdog Watchdog { get; }
    }
}
