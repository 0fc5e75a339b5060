using System;
using System.Collections.Generic;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// Tells the control loop when it must run again so that blinking LEDs change on time: the engine's
    /// rapid flash (66 ms period, 33 ms on) changes every 33 ms, faster than the control period, while the
    /// status flash changes twice in 10 s. The scheduler never decides whether an LED is lit — the engine
    /// does, at every step — it only predicts when the engine's answer will next change, from each
    /// pattern's timing in the engine descriptor and the step at which the pattern began.
    /// </summary>
    public sealed class LedBlinkScheduler
    {
        private readonly IRuleEngine _engine;
        private readonly int[] _tables;
        private readonly long[][] _periods;
        private readonly long[][] _onTimes;
        private readonly int[] _pattern;
        private readonly long[] _since;
        private bool _observed;

        /// <summary>Creates the scheduler for the LEDs named <paramref name="leds"/> of <paramref name="engine"/>.</summary>
        public LedBlinkScheduler(IRuleEngine engine, IEnumerable<string> leds)
        {
            _engine = engine ?? throw new ArgumentNullException(nameof(engine));
            var tables = new List<int>();
            foreach (var name in leds ?? throw new ArgumentNullException(nameof(leds)))
            {
                var index = engine.Descriptor.Table(name);
                if (!engine.Descriptor.Tables[index].IsLed) throw new ArgumentException($"'{name}' is a table, not an LED.", nameof(leds));
                tables.Add(index);
            }
            _tables = tables.ToArray();
            _periods = new long[_tables.Length][];
            _onTimes = new long[_tables.Length][];
            for (var i = 0; i < _tables.Length; i++)
            {
                IReadOnlyList<LedPatternDescriptor> patterns = engine.Descriptor.Tables[_tables[i]].Patterns;
                _periods[i] = new long[patterns.Count];
                _onTimes[i] = new long[patterns.Count];
                for (var p = 0; p < patterns.Count; p++)
                {
                    _periods[i][p] = patterns[p].PeriodMs;
                    _onTimes[i][p] = patterns[p].OnMs;
                }
            }
            _pattern = new int[_tables.Length];
            _since = new long[_tables.Length];
        }

        /// <summary>
        /// Notes each LED's pattern after an engine step at <paramref name="stepTimeMs"/>; a pattern that changed
        /// (or is seen for the first time) starts its blink phase there, as it does in the engine.
        /// </summary>
        public void Observe(long stepTimeMs)
        {
            for (var i = 0; i < _tables.Length; i++)
            {
                var pattern = _engine.GetTableValue(_tables[i]);
                if (_observed && pattern == _pattern[i]) continue;
                _pattern[i] = pattern;
                _since[i] = stepTimeMs;
            }
            _observed = true;
        }

        /// <summary>
        /// The earliest time after <paramref name="nowMs"/> at which a blinking LED changes between lit and dark,
        /// or <see cref="long.MaxValue"/> when no LED blinks.
        /// </summary>
        public long NextChange(long nowMs)
        {
            var next = long.MaxValue;
            if (!_observed) return next;
            for (var i = 0; i < _tables.Length; i++)
            {
                var p = _pattern[i];
                if ((uint)p >= (uint)_periods[i].Length) continue;
                var period = _periods[i][p];
                var on = _onTimes[i][p];
                // Steady patterns, and "blinks" that are always on or always off, never change by themselves.
                if (period <= 0 || on <= 0 || on >= period) continue;
                var phase = (nowMs - _since[i]) % period;
                if (phase < 0) phase += period;
                var change = phase < on ? nowMs + (on - phase) : nowMs + (period - phase);
                if (change < next) next = change;
            }
            return next;
        }
    }
}
