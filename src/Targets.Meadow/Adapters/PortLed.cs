using System;
using BmsRules.Runtime.Hardware;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// An indicator LED switched by a GPIO (through a low-side transistor, docs/hardware.md). The engine
    /// decides when it is lit, blink phases included; Meadow.Foundation's Led blinking is not used because
    /// it would run its own timer next to the engine's.
    /// </summary>
    internal sealed class PortLed : ILed
    {
        private readonly IDigitalOutputPort _port;

        public PortLed(IDigitalOutputPort port) => _port = port ?? throw new ArgumentNullException(nameof(port));

        public void Set(bool lit) => _port.State = lit;
    }
}
