using System;
using BmsRules.Runtime.Hardware;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>A digital input pin (a BTV opto-coupler output), read when the controller asks.</summary>
    internal sealed class PortInput : IDigitalInput
    {
        private readonly IDigitalInputPort _port;

        public PortInput(IDigitalInputPort port) => _port = port ?? throw new ArgumentNullException(nameof(port));

        public bool Read() => _port.State;
    }
}
