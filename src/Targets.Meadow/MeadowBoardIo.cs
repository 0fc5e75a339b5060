using System;
using System.Collections.Generic;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;
using BmsRules.Targets.Meadow.Adapters;
using Meadow;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow
{
    /// <summary>
    /// A Meadow device's hardware by pin name, for <see cref="BoardComposer"/>. Written against
    /// <see cref="IMeadowDevice"/> (Meadow.Contracts) only, so it works for any Meadow F7 board whose pin
    /// names match the profile.
    /// </summary>
    public sealed class MeadowBoardIo : IBoardIo
    {
        private readonly IMeadowDevice _device;

        /// <summary>Creates the hardware view of <paramref name="device"/>.</summary>
        public MeadowBoardIo(IMeadowDevice device)
        {
            _device = device ?? throw new ArgumentNullException(nameof(device));
            Watchdog = new DeviceWatchdog(device);
        }

        /// <inheritdoc/>
        public IWatchdog Watchdog { get; }

        /// <inheritdoc/>
        public IDigitalOutput CreateTerminal(string pin) =>
            new PortTerminal(_device.CreateDigitalOutputPort(Pin(pin), initialState: false, OutputType.PushPull));

        /// <inheritdoc/>
        public ILed CreateLed(string pin) =>
            new PortLed(_device.CreateDigitalOutputPort(Pin(pin), initialState: false, OutputType.PushPull));

        /// <inheritdoc/>
        public IDigitalInput CreateDigitalInput(string pin) =>
            new PortInput(_device.CreateDigitalInputPort(Pin(pin), ResistorMode.InternalPullUp));

        /// <inheritdoc/>
        public IAnalogScanHardware CreateAnalogScan(IReadOnlyList<string> pins)
        {
            var resolved = new IPin[pins.Count];
            for (var i = 0; i < resolved.Length; i++) resolved[i] = Pin(pins[i]);
            return new AnalogArrayScan(_device.CreateAnalogInputArray(resolved), resolved.Length);
        }

        /// <inheritdoc/>
        public ISerialPortLink OpenSerial(SerialSettings settings)
        {
            var name = _device.PlatformOS.GetSerialPortName(settings.PortName)
                ?? throw new ArgumentException($"This device has no serial port {settings.PortName}.", nameof(settings));
            var port = _device.CreateSerialPort(name, settings.BaudRate, settings.DataBits,
                settings.Parity switch
                {
                    SerialParity.Odd => Parity.Odd,
                    SerialParity.Even => Parity.Even,
                    _ => Parity.None,
                },
                settings.StopBits == SerialStopBits.Two ? StopBits.Two : StopBits.One,
                settings.ReceiveBufferBytes);
            return new SerialPortByteLink(port);
        }

        private IPin Pin(string name)
        {
            // The F7 implementation returns null for an unknown name although the contract says IPin.
            IPin? pin = _device.GetPin(name);
            return pin ?? throw new ArgumentException($"This device has no pin {name}.", nameof(name));
        }
    }
}
