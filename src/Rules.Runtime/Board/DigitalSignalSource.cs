using System;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// A bool engine input from a digital pin: 1 when the signal is present, 0 when not. With
    /// <c>activeLow</c> the signal is present when the pin reads low, as behind an opto-coupler whose
    /// transistor pulls a pulled-up pin to ground: a broken wire or a dead opto then reads "absent".
    /// </summary>
    public sealed class DigitalSignalSource : IInputSource
    {
        private readonly IDigitalInput _pin;
        private readonly bool _activeLow;

        /// <summary>Creates the source.</summary>
        public DigitalSignalSource(IDigitalInput pin, bool activeLow)
        {
            _pin = pin ?? throw new ArgumentNullException(nameof(pin));
            _activeLow = activeLow;
        }

        /// <inheritdoc/>
        public double Read() => _pin.Read() != _activeLow ? 1d : 0d;
    }
}
