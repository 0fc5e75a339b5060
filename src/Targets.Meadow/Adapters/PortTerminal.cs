using System;
using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// A BMS output terminal (ATD, ATC, pre-alarm) behind its high-side driver stage: GPIO high switches the
    /// stage on (terminal at battery voltage), GPIO low switches it off (terminal floating). The stage's
    /// gate pull-down keeps it off while the pin is undriven (reset, boot), so the terminal floats then too.
    /// The port is written every cycle, so a disturbed GPIO is corrected within one period.
    /// </summary>
    internal sealed class PortTerminal : IDigitalOutput
    {
        private readonly IDigitalOutputPort _port;

        public PortTerminal(IDigitalOutputPort port) => _port = port ?? throw new ArgumentNullException(nameof(port));

        public void Set(OutputLevel level) => _port.State = level == OutputLevel.High;
    }
}
