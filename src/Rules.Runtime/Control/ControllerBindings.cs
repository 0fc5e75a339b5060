using System.Collections.Generic;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Control
{
    /// <summary>
    /// Which hardware feeds which engine input and which terminal or LED each engine output drives,
    /// by spec name. Unbound inputs stay unset (numbers NaN, i.e. invalid: the safe side).
    /// </summary>
    public sealed class ControllerBindings
    {
        /// <summary>Input name → source.</summary>
        public Dictionary<string, IInputSource> Inputs { get; } = new Dictionary<string, IInputSource>();

        /// <summary>Output name → terminal.</summary>
        public Dictionary<string, IDigitalOutput> Outputs { get; } = new Dictionary<string, IDigitalOutput>();

        /// <summary>LED table name → LED.</summary>
        public Dictionary<string, ILed> Leds { get; } = new Dictionary<string, ILed>();

        /// <summary>Binds input <paramref name="name"/> to <paramref name="source"/>.</summary>
        public ControllerBindings Input(string name, IInputSource source)
        {
            Inputs[name] = source;
            return this;
        }

        /// <summary>Binds output <paramref name="name"/> to <paramref name="terminal"/>.</summary>
        public ControllerBindings Output(string name, IDigitalOutput terminal)
        {
            Outputs[name] = terminal;
            return this;
        }

        /// <summary>Binds LED <paramref name="name"/> to <paramref name="led"/>.</summary>
        public ControllerBindings Led(string name, ILed led)
        {
            Leds[name] = led;
            return this;
        }
    }
}
