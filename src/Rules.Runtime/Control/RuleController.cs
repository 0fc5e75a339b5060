using System;
using System.Collections.Generic;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Runtime.Control
{
    /// <summary>
    /// The control loop: each <see cref="Tick"/> reads every bound input, steps the engine at the
    /// clock's time, drives the bound outputs and LEDs, and logs every output, state, flag, LED and
    /// code change. All lookups are resolved at construction; a tick allocates nothing (when logging
    /// is disabled) and never throws because of input values.
    /// </summary>
    public sealed class RuleController
    {
        private readonly IRuleEngine _engine;
        private readonly IClock _clock;
        private readonly ILogger _logger;
        private readonly (int Index, IInputSource Source)[] _inputs;
        private readonly (int Index, IDigitalOutput Terminal)[] _outputs;
        private readonly (int Index, ILed Led)[] _leds;
        private readonly OutputLevel[] _lastOutputs;
        private readonly bool[] _lastFlags;
        private readonly int[] _lastStates;
        private readonly int[] _lastTables;
        private ulong _lastCodes;
        private bool _first = true;

        /// <summary>
        /// Wires <paramref name="engine"/> to hardware. Names in <paramref name="bindings"/> must exist in the
        /// engine's spec (an unknown name throws here, at start-up, never in the loop).
        /// </summary>
        public RuleController(IRuleEngine engine, IClock clock, ControllerBindings bindings, ILogger? logger = null)
        {
            _engine = engine ?? throw new ArgumentNullException(nameof(engine));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _logger = logger ?? NullLogger.Instance;
            var d = engine.Descriptor;
            _inputs = Resolve(bindings.Inputs, d.Input);
            _outputs = Resolve(bindings.Outputs, d.Output);
            _leds = Resolve(bindings.Leds, name =>
            {
                var index = d.Table(name);
                if (!d.Tables[index].IsLed) throw new ArgumentException($"'{name}' is a table, not an LED.", nameof(bindings));
                return index;
            });
            _lastOutputs = new OutputLevel[d.Outputs.Count];
            _lastFlags = new bool[d.Flags.Count];
            _lastStates = new int[d.Machines.Count];
            _lastTables = new int[d.Tables.Count];

            // Power-up: every bound terminal floating before the first step, whatever it was.
            foreach (var (_, terminal) in _outputs) terminal.Set(OutputLevel.Floating);
            foreach (var (_, led) in _leds) led.Set(false);
        }

        /// <summary>The engine this controller steps.</summary>
        public IRuleEngine Engine => _engine;

        /// <summary>Number of ticks run.</summary>
        public long Ticks { get; private set; }

        /// <summary>The clock time (ms) the engine was last stepped at; what blink phases and timers count from.</summary>
        public long LastStepTime { get; private set; }

        /// <summary>One control cycle: read, step, drive, log.</summary>
        public void Tick()
        {
            for (var i = 0; i < _inputs.Length; i++)
            {
                double value;
                try
                {
                    value = _inputs[i].Source.Read();
                }
                catch (Exception)
                {
                    // A failing sensor is an invalid input, never a crashed control loop.
                    value = double.NaN;
                }
                _engine.SetInput(_inputs[i].Index, value);
            }

            var now = _clock.NowMilliseconds;
            _engine.Step(now);
            LastStepTime = now;
            Ticks++;

            for (var i = 0; i < _outputs.Length; i++) _outputs[i].Terminal.Set(_engine.GetOutput(_outputs[i].Index));
            for (var i = 0; i < _leds.Length; i++) _leds[i].Led.Set(_engine.IsLedLit(_leds[i].Index));

            LogChanges(now);
            _first = false;
        }

        private void LogChanges(long now)
        {
            var d = _engine.Descriptor;
            for (var i = 0; i < _lastStates.Length; i++)
            {
                var state = _engine.GetState(i);
                if (!_first && state == _lastStates[i]) continue;
                var machine = d.Machines[i];
                var trigger = _engine.GetLastTrigger(i);
                if (!_first || trigger >= 0)
                {
                    ControllerLog.StateChanged(_logger, now, machine.Name, _first ? "(power-up)" : machine.States[_lastStates[i]].Name,
                        machine.States[state].Name, trigger >= 0 ? machine.Triggers[trigger] : "initial");
                }
                _lastStates[i] = state;
            }
            for (var i = 0; i < _lastOutputs.Length; i++)
            {
                var level = _engine.GetOutput(i);
                if (level == _lastOutputs[i] && !_first) continue;
                ControllerLog.OutputChanged(_logger, now, d.Outputs[i].Name, level);
                _lastOutputs[i] = level;
            }
            for (var i = 0; i < _lastFlags.Length; i++)
            {
                var flag = _engine.GetFlag(i);
                if (flag == _lastFlags[i] && !_first) continue;
                ControllerLog.FlagChanged(_logger, now, d.Flags[i].Name, flag);
                _lastFlags[i] = flag;
            }
            for (var i = 0; i < _lastTables.Length; i++)
            {
                var value = _engine.GetTableValue(i);
                if (value == _lastTables[i] && !_first) continue;
                if (d.Tables[i].IsLed) ControllerLog.LedChanged(_logger, now, d.Tables[i].Name, d.Tables[i].Values[value]);
                _lastTables[i] = value;
            }
            var codes = _engine.ActiveCodes;
            var changed = codes ^ _lastCodes;
            for (var i = 0; changed != 0 && i < d.Codes.Count; i++)
            {
                var bit = 1UL << i;
                if ((changed & bit) == 0) continue;
                if ((codes & bit) != 0) ControllerLog.CodeRaised(_logger, now, d.Codes[i].Id, d.Codes[i].Text);
                else ControllerLog.CodeCleared(_logger, now, d.Codes[i].Id);
            }
            _lastCodes = codes;
        }

        private static (int, T)[] Resolve<T>(Dictionary<string, T> bindings, Func<string, int> index)
        {
            var result = new List<(int, T)>(bindings.Count);
            foreach (var pair in bindings) result.Add((index(pair.Key), pair.Value));
            return result.ToArray();
        }
    }
}
