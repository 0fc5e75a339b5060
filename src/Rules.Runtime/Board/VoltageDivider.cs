using System;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// A resistive divider in front of an ADC pin: terminal → <see cref="TopOhms"/> → pin → <see cref="BottomOhms"/> → ground.
    /// Pin volts × <see cref="Ratio"/> = terminal volts. The ADC's own input current is neglected
    /// (µA against a divider current of ≥ 0.3 mA at the bottom of the range, below 0.1 %).
    /// </summary>
    public sealed class VoltageDivider
    {
        /// <summary>Creates the divider.</summary>
        public VoltageDivider(double topOhms, double bottomOhms)
        {
            if (!(topOhms >= 0) || double.IsInfinity(topOhms)) throw new ArgumentOutOfRangeException(nameof(topOhms), topOhms, "The top resistor must be 0 Ω or more.");
            if (!(bottomOhms > 0) || double.IsInfinity(bottomOhms)) throw new ArgumentOutOfRangeException(nameof(bottomOhms), bottomOhms, "The bottom resistor must be more than 0 Ω.");
            TopOhms = topOhms;
            BottomOhms = bottomOhms;
            Ratio = (topOhms + bottomOhms) / bottomOhms;
        }

        /// <summary>Resistor from the terminal to the pin, Ω.</summary>
        public double TopOhms { get; }

        /// <summary>Resistor from the pin to ground, Ω.</summary>
        public double BottomOhms { get; }

        /// <summary>Terminal volts per pin volt.</summary>
        public double Ratio { get; }

        /// <summary>The terminal voltage for a pin voltage.</summary>
        public double TerminalVolts(double pinVolts) => pinVolts * Ratio;

        /// <summary>The highest terminal voltage <paramref name="adc"/> can measure through this divider (below its clip level).</summary>
        public double MeasurableVolts(AdcSpec adc) => (adc ?? throw new ArgumentNullException(nameof(adc))).ClipVolts * Ratio;

        /// <summary>Terminal volts per ADC count: the resolution at the terminal.</summary>
        public double TerminalVoltsPerCount(AdcSpec adc) => (adc ?? throw new ArgumentNullException(nameof(adc))).VoltsPerCount * Ratio;

        /// <inheritdoc/>
        public override string ToString() =>
            FormattableString.Invariant($"{TopOhms / 1000:0.###} kΩ / {BottomOhms / 1000:0.###} kΩ (×{Ratio:0.###})");
    }
}
