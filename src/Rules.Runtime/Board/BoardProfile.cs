using System;
using System.Collections.Generic;
using System.Globalization;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Board
{
    /// <summary>Where the engine's cell and temperature data come from on a board.</summary>
    public enum CellDataSource : byte
    {
        /// <summary>
        /// The batteries' discrete BTV signals (allowed-to-charge, allowed-to-discharge, pre-alarm) on
        /// opto-isolated digital inputs; the engine runs with UseBtvSignals and needs no cell voltages.
        /// </summary>
        BtvSignals,

        /// <summary>A battery monitor publishes cell voltages and temperature into <see cref="CellDataInputs"/>.</summary>
        BatteryMonitor,
    }

    /// <summary>
    /// Everything that makes a board this board, in one place: which product runs, which pin carries which
    /// signal, the ADC and dividers, the VE.Bus UART, the engine settings the wiring implies, where battery
    /// data come from, which engine inputs are deliberately left unbound and why, and the loop timing.
    /// <see cref="Check"/> verifies it against the engine before anything is wired.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>The engine input the VE.Bus link writes (the Multi reports it is on).</summary>
        public const string LinkInput = "MultiOn";

        /// <summary>The engine setting that selects BTV signals over measured cell data.</summary>
        public const string UseBtvSignalsSetting = "UseBtvSignals";

        /// <summary>The four engine inputs a battery monitor supplies.</summary>
        public static IReadOnlyList<string> CellDataInputNames { get; } = new[] { "CellMinVoltage", "CellMaxVoltage", "BatteryTemperature", "BatteryDataSequence" };

        /// <summary>Creates the profile.</summary>
        public BoardProfile(string name, string productId, IReadOnlyList<PinAssignment> pins, AdcSpec adc, SerialSettings veBus,
            IReadOnlyDictionary<string, double> settings, CellDataSource cellData, IReadOnlyDictionary<string, string> unboundInputs, LoopTiming timing)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            ProductId = productId ?? throw new ArgumentNullException(nameof(productId));
            Pins = pins ?? throw new ArgumentNullException(nameof(pins));
            Adc = adc ?? throw new ArgumentNullException(nameof(adc));
            VeBus = veBus ?? throw new ArgumentNullException(nameof(veBus));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            CellData = cellData;
            UnboundInputs = unboundInputs ?? throw new ArgumentNullException(nameof(unboundInputs));
            Timing = timing ?? throw new ArgumentNullException(nameof(timing));
        }

        /// <summary>The board's name.</summary>
        public string Name { get; }

        /// <summary>The product (engine) that runs on it.</summary>
        public string ProductId { get; }

        /// <summary>The pin map.</summary>
        public IReadOnlyList<PinAssignment> Pins { get; }

        /// <summary>The ADC behind the analog pins.</summary>
        public AdcSpec Adc { get; }

        /// <summary>The VE.Bus UART.</summary>
        public SerialSettings VeBus { get; }

        /// <summary>Engine settings this board applies at start-up (name → value; bools 1/0).</summary>
        public IReadOnlyDictionary<string, double> Settings { get; }

        /// <summary>Where cell data come from.</summary>
        public CellDataSource CellData { get; }

        /// <summary>Engine inputs that no hardware feeds on this board, with the reason (they read NaN: invalid, or false for bools).</summary>
        public IReadOnlyDictionary<string, string> UnboundInputs { get; }

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
        /// Every problem with this profile for an engine described by <paramref name="engine"/>: pins used twice,
        /// outputs, LEDs or inputs not accounted for, dividers that cannot measure an input's whole valid
        /// range, settings that do not exist or contradict the battery-data source, timing the watchdog
        /// cannot honour. Empty when the profile is sound.
        /// </summary>
        public IReadOnlyList<string> Check(EngineDescriptor engine)
        {
            if (engine is null) throw new ArgumentNullException(nameof(engine));
            var problems = new List<string>();
            if (engine.ProductId != ProductId) problems.Add($"The profile is for product {ProductId}, the engine is {engine.ProductId}.");

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
                if (!Exists(engine.Outputs, name)) problems.Add($"Terminal signal '{name}' is not an output of {engine.ProductId}.");
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
            // Every engine input is fed exactly once: by a pin, by the battery monitor, by the VE.Bus link,
            // or deliberately by nothing (with a reason).
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
            if (CellData == CellDataSource.BatteryMonitor) foreach (var name in CellDataInputNames) Feed(name);
            Feed(LinkInput);
            foreach (var name in UnboundInputs.Keys) Feed(name);

            foreach (var input in engine.Inputs)
            {
                if (!feeds.TryGetValue(input.Name, out var n)) problems.Add($"Input {input.Name} is neither wired nor listed as unbound.");
                else if (n > 1) problems.Add($"Input {input.Name} is fed {n} times.");
            }
            var named = new List<string>(UnboundInputs.Keys) { LinkInput };
            if (CellData == CellDataSource.BatteryMonitor) named.AddRange(CellDataInputNames);
            foreach (var name in named)
            {
                if (IndexOf(engine.Inputs, name) < 0) problems.Add($"'{name}' is not an input of {engine.ProductId}.");
            }
            foreach (var pair in UnboundInputs)
            {
                if (string.IsNullOrWhiteSpace(pair.Value)) problems.Add($"Unbound input {pair.Key} needs a reason.");
            }
        }

        private void CheckSettings(EngineDescriptor engine, List<string> problems)
        {
            foreach (var pair in Settings)
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
            var useBtv = Settings.TryGetValue(UseBtvSignalsSetting, out var btv) && btv != 0;
            if (useBtv != (CellData == CellDataSource.BtvSignals))
                problems.Add($"{UseBtvSignalsSetting} must be {(CellData == CellDataSource.BtvSignals ? 1 : 0)} when battery data come from {CellData}.");
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
                _ = new WatchdogPolicy(new NoWatchdog(), Timing.WatchdogTimeoutMs, Timing.WatchdogResetIntervalMs, Timing.StallAfterMs);
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

        private static bool Exists<T>(IReadOnlyList<T> entries, string name) where T : SpecEntry => IndexOf(entries, name) >= 0;

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
