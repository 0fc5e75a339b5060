using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// Where a battery monitor (for example a serial cell monitor on a thread of its own) hands measured
    /// cell data to the control loop: <see cref="Publish"/> from the reader, and four engine inputs
    /// (CellMinVoltage, CellMaxVoltage, BatteryTemperature, BatteryDataSequence) read by the loop.
    /// The loop takes one consistent snapshot per cycle (<see cref="Sample"/>), so the minimum and
    /// maximum of a cycle always come from the same reading. The sequence counts publications: when the
    /// reader stops, it stops changing and the engine declares the data stale.
    /// </summary>
    public sealed class CellDataInputs : IInputSampler
    {
        private readonly object _gate = new object();
        private double _pendingMin = double.NaN, _pendingMax = double.NaN, _pendingTemperature = double.NaN;
        private uint _pendingSequence;
        private bool _pendingPublished;
        private double _min = double.NaN, _max = double.NaN, _temperature = double.NaN;
        private uint _sequence;
        private bool _published;

        /// <summary>Creates the inputs; all NaN until the first publication.</summary>
        public CellDataInputs()
        {
            CellMinVoltage = new Value(() => _min);
            CellMaxVoltage = new Value(() => _max);
            BatteryTemperature = new Value(() => _temperature);
            BatteryDataSequence = new Value(() => _published ? _sequence : double.NaN);
        }

        /// <summary>Lowest cell voltage of the last snapshot (V).</summary>
        public IInputSource CellMinVoltage { get; }

        /// <summary>Highest cell voltage of the last snapshot (V).</summary>
        public IInputSource CellMaxVoltage { get; }

        /// <summary>Battery temperature of the last snapshot (°C).</summary>
        public IInputSource BatteryTemperature { get; }

        /// <summary>Number of readings published so far (NaN before the first).</summary>
        public IInputSource BatteryDataSequence { get; }

        /// <summary>
        /// The source of engine input <paramref name="input"/> (the spec's battery-monitor bindings name them); throws
        /// at start-up for an input a battery monitor does not report.
        /// </summary>
        public IInputSource Source(string input) => input switch
        {
            "CellMinVoltage" => CellMinVoltage,
            "CellMaxVoltage" => CellMaxVoltage,
            "BatteryTemperature" => BatteryTemperature,
            "BatteryDataSequence" => BatteryDataSequence,
            _ => throw new ArgumentException($"A battery monitor reports cell minimum and maximum, temperature and a reading count; it cannot feed '{input}'.", nameof(input)),
        };

        /// <summary>Publishes one complete reading (reader thread). NaN marks a value the monitor could not read.</summary>
        public void Publish(double cellMinVoltage, double cellMaxVoltage, double batteryTemperature)
        {
            lock (_gate)
            {
                _pendingMin = cellMinVoltage;
                _pendingMax = cellMaxVoltage;
                _pendingTemperature = batteryTemperature;
                _pendingSequence = unchecked(_pendingSequence + 1);
                _pendingPublished = true;
            }
        }

        /// <inheritdoc/>
        public void Sample()
        {
            lock (_gate)
            {
                _min = _pendingMin;
                _max = _pendingMax;
                _temperature = _pendingTemperature;
                _sequence = _pendingSequence;
                _published = _pendingPublished;
            }
        }

        private sealed class Value : IInputSource
        {
            private readonly Func<double> _read;

            public Value(Func<double> read) => _read = read;

            public double Read() => _read();
        }
    }
}
