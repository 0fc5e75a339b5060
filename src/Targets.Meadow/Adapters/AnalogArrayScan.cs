using System;
using BmsRules.Runtime.Board;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// The F7's analog input array: one synchronous conversion of every channel (about 15–30 µs per pin
    /// according to Meadow's native ADC notes), results in a pinned buffer of pin volts. Chosen over
    /// IAnalogInputPort, whose Voltage getter averages with LINQ and whose sampling runs its own Task:
    /// both allocate on every reading.
    /// </summary>
    internal sealed class AnalogArrayScan : IAnalogScanHardware
    {
        private readonly IAnalogInputArray _array;

        public AnalogArrayScan(IAnalogInputArray array, int channels)
        {
            _array = array ?? throw new ArgumentNullException(nameof(array));
            ChannelCount = channels;
        }

        public int ChannelCount { get; }

        public void Refresh()
        {
            // The F7 implementation logs a failed conversion and returns without throwing, leaving the old
            // values in the buffer. Poisoning the buffer first makes a failed conversion read NaN (invalid).
            Array.Fill(_array.CurrentValues, double.NaN);
            _array.Refresh();
        }

        public double PinVolts(int channel) => _array.CurrentValues[channel];
    }
}
