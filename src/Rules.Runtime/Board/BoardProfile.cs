using System;
using System.Collections.Generic;
using System.Globalization;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// Everything that makes a board this board, in one place. The spec's <c>board:</c> section
    /// (<see cref="BoardDescriptor"/>) decides the input mode's engine settings, what feeds every engine input
    /// (ADC channels with their dividers, opto inputs, the VE.Bus link, the battery monitor, constants), the ADC
    /// and the loop and watchdog timing; the profile adds the hardware the spec does not describe (output
    /// terminals, LEDs, the VE.Bus UART) and picks one input mode. <see cref="Check"/> verifies the result
    /// against the engine before anything is wired.
    /// </summary>
    public sealed class BoardProfile
    {
        private readonly List<string> _batteryMonitorInputs = new List<string>();
        private readonly Dictionary<string, double> _constants = new Dictionary<string, double>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _unbound = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _settings = new Dictionary<string, double>(StringComparer.Ordinal);

        /// <summary>
        /// Creates the profile of <paramref name="productId"/>'s board <paramref name="board"/> in input mode
        /// <paramref name="inputMode"/>, with the hardware pins (<paramref name="hardwarePins"/>: terminals, LEDs,
        /// UART) the spec does not describe. <paramref name="statisticsIntervalMs"/>: how often the loop logs its
        /// statistics (0: never).
        /// </summary>
        public BoardProfile(string name, string productId, BoardDescriptor board, string inputMode, IReadOnlyList<PinAssignment> hardwarePins,
            SerialSettings veBus, int statisticsIntervalMs)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            ProductId = productId ?? throw new ArgumentNullException(nameof(productId));
            Board = board ?? throw new ArgumentNullException(nameof(board));
            Mode = board.Mode(inputMode);
            VeBus = veBus ?? throw new ArgumentNullException(nameof(veBus));
            if (hardwarePins is null) throw new ArgumentNullException(nameof(hardwarePins));
            Adc = new AdcSpec(board.AdcBits, board.AdcReferenceVolts, board.AdcFullScaleMarginCounts);
            Timing = new LoopTiming(board, statisticsIntervalMs);
            for (var i = 0; i < Mode.SettingNames.Count; i++) _settings[Mode.SettingNames[i]] = Mode.SettingValues[i];

            var pins = new List<PinAssignment>(hardwarePins);
            foreach (var binding in board.Inputs)
            {
                if (!binding.AppliesIn(Mode.Name)) continue;
                switch (binding.Kind)
                {
                    case BoardInputKind.Adc:
                        pins.Add(PinAssignment.AnalogInput(binding.Pin!, binding.Input, new VoltageDivider(binding.DividerTopOhms, binding.DividerBottomOhms),
                            binding.Description ?? binding.Input));
                        break;
                    case BoardInputKind.Opto:
                        pins.Add(PinAssignment.DigitalInput(binding.Pin!, binding.Input, binding.ActiveLow, binding.Description ?? binding.Input));
                        break;
                    case BoardInputKind.BatteryMonitor:
                        _batteryMonitorInputs.Add(binding.Input);
                        break;
                    case BoardInputKind.Constant:
                        _constants[binding.Input] = binding.ConstantValue;
                        break;
                }
            }
            // An input whose every binding belongs to another mode is unbound here: it reads NaN (false for a bool).
            foreach (var binding in board.Inputs)
            {
                if (binding.AppliesIn(Mode.Name) || IsFedIn(board, binding.Input, Mode.Name)) continue;
                _unbound[binding.Input] = $"used only in input mode {binding.Mode}";
            }
            Pins = pins;
        }

        /// <summary>The board's name.</summary>
        public string Name { get; }

        /// <summary>The product (engine) that runs on it.</summary>
        public string ProductId { get; }

        /// <summary>The spec's board section this profile follows.</summary>
        public BoardDescriptor Board { get; }

        /// <summary>The input mode this profile runs.</summary>
        public BoardInputMode Mode { get; }

        /// <summary>The pin map: the hardware pins, then the input pins of <see cref="Mode"/>.</summary>
        public IReadOnlyList<PinAssignment> Pins { get; }

        /// <summary>The ADC behind the analog pins (from the spec).</summary>
        public AdcSpec Adc { get; }

        /// <summary>The VE.Bus UART.</summary>
        public SerialSettings VeBus { get; }

        /// <summary>Engine settings this profile applies at start-up (the input mode's; bools 1/0).</summary>
        public IReadOnlyDictionary<string, double> Settings => _settings;

        /// <summary>Engine inputs a battery monitor feeds in this mode (empty when none).</summary>
        public IReadOnlyList<string> BatteryMonitorInputs => _batteryMonitorInputs;

        /// <summary>Whether this mode needs a battery monitor.</summary>
        public bool UsesBatteryMonitor => _batteryMonitorInputs.Count > 0;

        /// <summary>Engine inputs held at a constant value, with the value (bools 1/0).</summary>
        public IReadOnlyDictionary<string, double> ConstantInputs => _constants;

        /// <summary>Engine inputs nothing feeds in this mode, with the reason (they read NaN: invalid, or false for bools).</summary>
        public IReadOnlyDictionary<string, string> UnboundInputs => _unbound;

        /// <summary>The engine input the VE.Bus link writes (the spec's MultiOn rule).</summary>
        public string LinkInput => Board.MultiOnInput;

        /// <summary>Loop and watchdog timing.</summary>
        public LoopTiming Timing { get; }

        /// <summary>The pins of <paramref name="role"/>, in map order.</summary>
        public IReadOnlyList<PinAssignment> PinsOf(PinRole role)
        {
            var result = new List<PinAssignment>();
            foreach (var pin in Pins) if (pin.Role == role) result.Add(pin);
            return result;
        }

        /// <summary>The pin carrying <paramref name="signal"/>.</summary>
        public PinAssignment For(string signal)
        {
            foreach (var pin in Pins) if (pin.Signal == signal) return pin;
            throw new KeyNotFoundException($"Board {Name} has no pin for '{signal}'.");
        }

        /// <summary>
        /// Every problem with this profile for an engine described by <paramref name="engine"/>: an engine without a board
        /// section, pins used twice, outputs, LEDs or inputs not accounted for, dividers that cannot measure an
        /// input's whole valid range, settings that do not exist, timing the watchdog cannot honour. Empty when sound.
        /// </summary>
        public IReadOnlyList<string> Check(EngineDescriptor engine)
        {
            if (engine is null) throw new ArgumentNullException(nameof(engine));
            var problems = new List<string>();
            if (engine.ProductId != ProductId) problems.Add($"The profile is for product {ProductId}, the engine is {engine.ProductId}.");
            if (engine.Board is null) problems.Add($"{engine.ProductId} has no board section in its spec.");

            var pins = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pin in Pins)
            {
                if (!pins.Add(pin.Pin)) problems.Add($"Pin {pin.Pin} is assigned twice.");
            }

            CheckOutputs(engine, problems);
            CheckLeds(engine, problems);
            CheckInputs(engine, problems);
            CheckSettings(engine, problems);
            CheckSerial(problems);
            CheckTiming(problems);
            return problems;
        }

        private static bool IsFedIn(BoardDescriptor board, string input, string mode)
        {
            foreach (var binding in board.Inputs) if (binding.Input == input && binding.AppliesIn(mode)) return true;
            return false;
        }

        private void CheckOutputs(EngineDescriptor engine, List<string> problems)
        {
            var terminals = Count(PinRole.Terminal);
            foreach (var output in engine.Outputs)
            {
                if (!terminals.TryGetValue(output.Name, out var n)) problems.Add($"Output {output.Name} has no terminal pin.");
                else if (n > 1) problems.Add($"Output {output.Name} has {n} terminal pins.");
            }
            foreach (var name in terminals.Keys)
            {
                if (IndexOf(engine.Outputs, name) < 0) problems.Add($"Terminal signal '{name}' is not an output of {engine.ProductId}.");
            }
        }

        private void CheckLeds(EngineDescriptor engine, List<string> problems)
        {
            var leds = Count(PinRole.Led);
            foreach (var table in engine.Tables)
            {
                if (!table.IsLed) continue;
                if (!leds.TryGetValue(table.Name, out var n)) problems.Add($"LED {table.Name} has no pin.");
                else if (n > 1) problems.Add($"LED {table.Name} has {n} pins.");
            }
            foreach (var name in leds.Keys)
            {
                var index = IndexOf(engine.Tables, name);
                if (index < 0 || !engine.Tables[index].IsLed) problems.Add($"LED signal '{name}' is not an LED of {engine.ProductId}.");
            }
        }

        private void CheckInputs(EngineDescriptor engine, List<string> problems)
        {
            // Every engine input is fed exactly once: by a pin, the battery monitor, the VE.Bus link or a constant,
            // or deliberately by nothing in this mode (with a reason).
            var feeds = new Dictionary<string, int>(StringComparer.Ordinal);
            void Feed(string name) => feeds[name] = feeds.TryGetValue(name, out var n) ? n + 1 : 1;
            foreach (var pin in Pins)
            {
                if (pin.Role != PinRole.DigitalInput && pin.Role != PinRole.AnalogInput) continue;
                Feed(pin.Signal);
                var index = IndexOf(engine.Inputs, pin.Signal);
                if (index < 0)
                {
                    problems.Add($"Input signal '{pin.Signal}' on {pin.Pin} is not an input of {engine.ProductId}.");
                    continue;
                }
                var input = engine.Inputs[index];
                if (pin.Role == PinRole.DigitalInput && input.Kind != InputKind.Bool)
                    problems.Add($"{pin.Pin} is a digital input but {input.Name} is not a bool.");
                if (pin.Role == PinRole.AnalogInput)
                {
                    if (input.Kind != InputKind.Number) problems.Add($"{pin.Pin} is an analog input but {input.Name} is not a number.");
                    else if (pin.Divider!.MeasurableVolts(Adc) < input.Max)
                        problems.Add(string.Format(CultureInfo.InvariantCulture,
                            "The divider on {0} measures up to {1:0.##} V but {2} is valid up to {3:0.##} V: a clipped reading could look valid.",
                            pin.Pin, pin.Divider.MeasurableVolts(Adc), input.Name, input.Max));
                }
            }
            foreach (var name in _batteryMonitorInputs) Feed(name);
            foreach (var name in _constants.Keys) Feed(name);
            foreach (var name in _unbound.Keys) Feed(name);
            Feed(LinkInput);

            foreach (var input in engine.Inputs)
            {
                if (!feeds.TryGetValue(input.Name, out var n)) problems.Add($"Input {input.Name} is neither wired nor listed as unbound.");
                else if (n > 1) problems.Add($"Input {input.Name} is fed {n} times.");
            }
            foreach (var name in feeds.Keys)
            {
                if (IndexOf(engine.Inputs, name) < 0 && !HasPin(name)) problems.Add($"'{name}' is not an input of {engine.ProductId}.");
            }
        }

        private bool HasPin(string signal)
        {
            foreach (var pin in Pins) if (pin.Signal == signal && (pin.Role == PinRole.AnalogInput || pin.Role == PinRole.DigitalInput)) return true;
            return false;
        }

        private void CheckSettings(EngineDescriptor engine, List<string> problems)
        {
            foreach (var pair in _settings)
            {
                var index = IndexOf(engine.Settings, pair.Key);
                if (index < 0)
                {
                    problems.Add($"Setting '{pair.Key}' does not exist in {engine.ProductId}.");
                    continue;
                }
                var setting = engine.Settings[index];
                var value = pair.Value;
                var valid = setting.IsBool ? value == 0 || value == 1 : value >= setting.Min && value <= setting.Max;
                if (!valid) problems.Add(string.Format(CultureInfo.InvariantCulture, "Setting {0} = {1} is outside its range.", pair.Key, value));
            }
        }

        private void CheckSerial(List<string> problems)
        {
            var tx = 0;
            var rx = 0;
            foreach (var pin in Pins)
            {
                if (pin.Signal != VeBus.PortName) continue;
                if (pin.Role == PinRole.SerialTransmit) tx++;
                if (pin.Role == PinRole.SerialReceive) rx++;
            }
            if (tx != 1 || rx != 1) problems.Add($"The VE.Bus port {VeBus.PortName} needs one transmit and one receive pin.");
        }

        private void CheckTiming(List<string> problems)
        {
            try
            {
                _ = new WatchdogPolicy(new NoWatchdog(), Timing);
            }
            catch (ArgumentOutOfRangeException e)
            {
                problems.Add("Watchdog timing: " + e.Message);
            }
            if (Timing.ControlPeriodMs <= 0) problems.Add("The control period must be positive.");
            else if (Timing.ControlPeriodMs * 2 > Timing.StallAfterMs) problems.Add("The stall limit must span at least two control periods.");
            if (Timing.StatisticsIntervalMs < 0) problems.Add("The statistics interval cannot be negative.");
        }

        private Dictionary<string, int> Count(PinRole role)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pin in Pins)
            {
                if (pin.Role == role) counts[pin.Signal] = counts.TryGetValue(pin.Signal, out var n) ? n + 1 : 1;
            }
            return counts;
        }

        private static int IndexOf<T>(IReadOnlyList<T> entries, string name) where T : SpecEntry
        {
            for (var i = 0; i < entries.Count; i++) if (entries[i].Name == name) return i;
            return -1;
        }

        private sealed class NoWatchdog : Hardware.IWatchdog
        {
            public void Enable(int timeoutMilliseconds)
            {
            }

            public void Reset()
            {
            }
        }
    }
}
