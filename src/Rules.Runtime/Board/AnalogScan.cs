using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// One ADC scan per control cycle (<see cref="IInputSampler.Sample"/>), read back per channel.
    /// If a scan fails, every channel reads NaN until a scan succeeds again, so a stuck converter never
    /// passes its last good values off as fresh ones.
    /// </summary>
    public sealed class AnalogScan : IInputSampler
    {
        private readonly IAnalogScanHardware _hardware;
        private readonly ScanChannel[] _channels;
        private bool _valid;

        /// <summary>Creates the scan over <paramref name="hardware"/>; channels read NaN until the first successful scan.</summary>
        public AnalogScan(IAnalogScanHardware hardware)
        {
            _hardware = hardware ?? throw new ArgumentNullException(nameof(hardware));
            _channels = new ScanChannel[hardware.ChannelCount];
            for (var i = 0; i < _channels.Length; i++) _channels[i] = new ScanChannel(this, i);
        }

        /// <summary>Scans that threw.</summary>
        public long Failures { get; private set; }

        /// <summary>The voltage input of channel <paramref name="index"/>.</summary>
        public IVoltageInput Channel(int index) => _channels[index];

        /// <inheritdoc/>
        public void Sample()
        {
            try
            {
                _hardware.Refresh();
                _valid = true;
            }
            catch (Exception)
            {
                // The converter failed: this cycle's analog inputs are unknown, which the engine treats as invalid.
                _valid = false;
                Failures++;
            }
        }

        private double Read(int index) => _valid ? _hardware.PinVolts(index) : double.NaN;

        private sealed class ScanChannel : IVoltageInput
        {
            private readonly AnalogScan _scan;
            private readonly int _index;

            public ScanChannel(AnalogScan scan, int index)
            {
                _scan = scan;
                _index = index;
            }

            public double ReadVolts() => _scan.Read(_index);
        }
    }
}
