using System;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// An analog-to-digital converter's transfer function: <see cref="Bits"/> of resolution over
    /// 0 … <see cref="ReferenceVolts"/>. It converts counts to pin volts and says when a reading cannot be
    /// trusted: a failed conversion, a value below zero, or one at full scale (the input may be higher than
    /// the converter can show, so the true value is unknown). The board's ADC is stated in the spec's board
    /// section (<c>adc:</c>, with the margin's reason); <see cref="BoardProfile"/> builds it from there.
    /// </summary>
    public sealed class AdcSpec
    {
        /// <summary>Creates the spec: readings <paramref name="clipMarginCounts"/> counts or fewer below full scale count as clipped.</summary>
        public AdcSpec(int bits, double referenceVolts, int clipMarginCounts)
        {
            if (bits < 2 || bits > 24) throw new ArgumentOutOfRangeException(nameof(bits), bits, "An ADC has 2 to 24 bits.");
            if (!(referenceVolts > 0) || double.IsInfinity(referenceVolts)) throw new ArgumentOutOfRangeException(nameof(referenceVolts), referenceVolts, "The reference must be a positive voltage.");
            if (clipMarginCounts < 0 || clipMarginCounts >= 1 << (bits - 1)) throw new ArgumentOutOfRangeException(nameof(clipMarginCounts), clipMarginCounts, "The margin must be below half the range.");
            Bits = bits;
            ReferenceVolts = referenceVolts;
            ClipMarginCounts = clipMarginCounts;
            MaxCount = (1 << bits) - 1;
            VoltsPerCount = referenceVolts / MaxCount;
            ClipVolts = (MaxCount - clipMarginCounts) * VoltsPerCount;
        }

        /// <summary>Readings this many counts or fewer below full scale count as clipped.</summary>
        public int ClipMarginCounts { get; }

        /// <summary>Resolution in bits.</summary>
        public int Bits { get; }

        /// <summary>The reference voltage (full scale), volts.</summary>
        public double ReferenceVolts { get; }

        /// <summary>The largest count (4095 for 12 bits).</summary>
        public int MaxCount { get; }

        /// <summary>One count in volts at the pin (about 0.806 mV for 12 bits at 3.3 V).</summary>
        public double VoltsPerCount { get; }

        /// <summary>Pin voltages at or above this are clipped (treated as unknown).</summary>
        public double ClipVolts { get; }

        /// <summary>Pin volts for <paramref name="counts"/>, or NaN for a failed (negative) or impossible count.</summary>
        public double CountsToVolts(int counts) =>
            counts < 0 || counts > MaxCount ? double.NaN : counts * VoltsPerCount;

        /// <summary>
        /// Whether a pin voltage is a usable measurement: a number, not below −½ count (an ADC never reports
        /// less than zero, so that is a driver fault) and below <see cref="ClipVolts"/>.
        /// </summary>
        public bool IsUsable(double pinVolts) =>
            pinVolts >= -0.5 * VoltsPerCount && pinVolts < ClipVolts;
    }
}
