using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// An engine input read through a divider: pin volts from the ADC, scaled to terminal volts. A reading
    /// the ADC cannot vouch for (failed, negative, clipped at full scale) becomes NaN, so the engine
    /// treats the input as invalid and lands on the safe side.
    /// </summary>
    public sealed class DividedVoltageSource : IInputSource
    {
        private readonly IVoltageInput _pin;
        private readonly VoltageDivider _divider;
        private readonly AdcSpec _adc;

        /// <summary>Creates the source.</summary>
        public DividedVoltageSource(IVoltageInput pin, VoltageDivider divider, AdcSpec adc)
        {
            _pin = pin ?? throw new ArgumentNullException(nameof(pin));
            _divider = divider ?? throw new ArgumentNullException(nameof(divider));
            _adc = adc ?? throw new ArgumentNullException(nameof(adc));
        }

        /// <inheritdoc/>
        public double Read()
        {
            var pinVolts = _pin.ReadVolts();
            if (!_adc.IsUsable(pinVolts)) return double.NaN;
            // A reading within half a count below zero is zero: the ADC cannot say more.
            return _divider.TerminalVolts(pinVolts < 0 ? 0 : pinVolts);
        }
    }
}
