using System;
using System.Collections.Generic;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>What feeds an engine input on the board (the spec's <c>board: inputs: bind:</c>).</summary>
    public enum BoardInputKind : byte
    {
        /// <summary>An ADC channel through a resistive divider (<c>adc</c>).</summary>
        Adc,
        /// <summary>An opto-coupled digital input (<c>opto</c>).</summary>
        Opto,
        /// <summary>Derived from VE.Bus by the board's MultiOn rule (<c>vebus</c>).</summary>
        VeBus,
        /// <summary>Published by a battery monitor into the board's cell-data inputs (<c>battery-monitor</c>).</summary>
        BatteryMonitor,
        /// <summary>Deliberately constant (<c>constant</c>), with the reason in the spec.</summary>
        Constant,
    }

    /// <summary>A reading the board cannot trust, turned into the safe value (the spec's <c>board: fail_safe:</c>).</summary>
    public enum FailSafeKind : byte
    {
        /// <summary>Reading an input source threw: the input reads NaN (<c>sensor-exception</c>).</summary>
        SensorException,
        /// <summary>The ADC scan failed: every analog input reads NaN until a scan succeeds (<c>adc-scan-failed</c>).</summary>
        AdcScanFailed,
        /// <summary>A reading at (or within the margin of) full scale, or below zero: NaN (<c>adc-full-scale</c>).</summary>
        AdcFullScale,
        /// <summary>A bool input that is NaN (unbound, failed) reads false (<c>bool-nan</c>).</summary>
        BoolNaN,
    }

    /// <summary>
    /// The board's decisions around the engine, generated from the spec's <c>board:</c> section (see the generated
    /// <c>&lt;Product&gt;Board</c> class): input modes, what feeds each input, the MultiOn rule, the control period,
    /// the watchdog, the ADC, the fail-safe conversions and the frame rules. The board runtime
    /// (BmsRules.Runtime.Board) takes its values from here.
    /// </summary>
    public sealed class BoardDescriptor
    {
        /// <summary>Creates the descriptor (called once by generated code).</summary>
        public BoardDescriptor(string name, string? description, BoardInputMode[] modes, BoardInputBinding[] inputs,
            string multiOnInput, long multiOnWithinMilliseconds, long controlPeriodMilliseconds, BoardWatchdog watchdog,
            int adcBits, double adcReferenceVolts, int adcFullScaleMarginCounts, BoardFailSafe[] failSafe, bool sendOnFlagChange)
        {
            Name = name;
            Description = description;
            Modes = modes;
            Inputs = inputs;
            MultiOnInput = multiOnInput;
            MultiOnWithinMilliseconds = multiOnWithinMilliseconds;
            ControlPeriodMilliseconds = controlPeriodMilliseconds;
            Watchdog = watchdog;
            AdcBits = adcBits;
            AdcReferenceVolts = adcReferenceVolts;
            AdcFullScaleMarginCounts = adcFullScaleMarginCounts;
            FailSafe = failSafe;
            SendOnFlagChange = sendOnFlagChange;
        }

        /// <summary>The board's name.</summary>
        public string Name { get; }

        /// <summary>What the board is.</summary>
        public string? Description { get; }

        /// <summary>The input modes; exactly one is the default.</summary>
        public IReadOnlyList<BoardInputMode> Modes { get; }

        /// <summary>What feeds each engine input (an input may have one binding per mode).</summary>
        public IReadOnlyList<BoardInputBinding> Inputs { get; }

        /// <summary>The engine input the MultiOn rule writes.</summary>
        public string MultiOnInput { get; }

        /// <summary>The Multi counts as on while its last VE.Bus sync frame is at most this old (ms).</summary>
        public long MultiOnWithinMilliseconds { get; }

        /// <summary>The longest time between two control cycles (ms).</summary>
        public long ControlPeriodMilliseconds { get; }

        /// <summary>The hardware watchdog's timing.</summary>
        public BoardWatchdog Watchdog { get; }

        /// <summary>ADC resolution in bits.</summary>
        public int AdcBits { get; }

        /// <summary>ADC reference (full scale), volts.</summary>
        public double AdcReferenceVolts { get; }

        /// <summary>Readings this many counts or fewer below full scale count as clipped (NaN).</summary>
        public int AdcFullScaleMarginCounts { get; }

        /// <summary>The fail-safe conversions the board applies.</summary>
        public IReadOnlyList<BoardFailSafe> FailSafe { get; }

        /// <summary>A BMS frame goes out in the next sync gap when a flag it carries changes (else only at its interval).</summary>
        public bool SendOnFlagChange { get; }

        /// <summary>The default input mode.</summary>
        public BoardInputMode DefaultMode
        {
            get
            {
                foreach (var mode in Modes) if (mode.IsDefault) return mode;
                throw new InvalidOperationException($"Board {Name} has no default input mode.");
            }
        }

        /// <summary>The input mode named <paramref name="name"/>; throws with the known names when absent.</summary>
        public BoardInputMode Mode(string name)
        {
            var names = new string[Modes.Count];
            for (var i = 0; i < Modes.Count; i++)
            {
                if (Modes[i].Name == name) return Modes[i];
                names[i] = Modes[i].Name;
            }
            throw new ArgumentException($"Board {Name} has no input mode '{name}'. Known: {string.Join(", ", names)}.", nameof(name));
        }

        /// <summary>Whether the spec states the fail-safe conversion <paramref name="kind"/>.</summary>
        public bool States(FailSafeKind kind)
        {
            foreach (var conversion in FailSafe) if (conversion.Kind == kind) return true;
            return false;
        }
    }

    /// <summary>An input mode: the engine settings that select where battery data come from.</summary>
    public sealed class BoardInputMode
    {
        /// <summary>Creates the mode.</summary>
        public BoardInputMode(string name, bool isDefault, string[] settingNames, double[] settingValues, string? description)
        {
            if (settingNames.Length != settingValues.Length) throw new ArgumentException("One value per setting.", nameof(settingValues));
            Name = name;
            IsDefault = isDefault;
            SettingNames = settingNames;
            SettingValues = settingValues;
            Description = description;
        }

        /// <summary>The mode's name (also the value of the board option that selects it).</summary>
        public string Name { get; }

        /// <summary>Whether the board runs this mode unless configured otherwise.</summary>
        public bool IsDefault { get; }

        /// <summary>The engine settings this mode fixes …</summary>
        public IReadOnlyList<string> SettingNames { get; }

        /// <summary>… and their values (bools 1/0).</summary>
        public IReadOnlyList<double> SettingValues { get; }

        /// <summary>What the mode is.</summary>
        public string? Description { get; }
    }

    /// <summary>What feeds one engine input on the board.</summary>
    public sealed class BoardInputBinding
    {
        /// <summary>Creates the binding.</summary>
        public BoardInputBinding(string input, BoardInputKind kind, string? pin, double dividerTopOhms, double dividerBottomOhms,
            bool activeLow, double constantValue, string? mode, string? description, string provenance)
        {
            Input = input;
            Kind = kind;
            Pin = pin;
            DividerTopOhms = dividerTopOhms;
            DividerBottomOhms = dividerBottomOhms;
            ActiveLow = activeLow;
            ConstantValue = constantValue;
            Mode = mode;
            Description = description;
            Provenance = provenance;
        }

        /// <summary>The engine input.</summary>
        public string Input { get; }

        /// <summary>What feeds it.</summary>
        public BoardInputKind Kind { get; }

        /// <summary>The pin (ADC channel or digital input), for <see cref="BoardInputKind.Adc"/> and <see cref="BoardInputKind.Opto"/>.</summary>
        public string? Pin { get; }

        /// <summary>The divider's resistor from the terminal to the pin (Ω; ADC bindings).</summary>
        public double DividerTopOhms { get; }

        /// <summary>The divider's resistor from the pin to ground (Ω; ADC bindings).</summary>
        public double DividerBottomOhms { get; }

        /// <summary>The signal is present when the pin reads low (opto bindings).</summary>
        public bool ActiveLow { get; }

        /// <summary>The value of a constant binding (bools 1/0).</summary>
        public double ConstantValue { get; }

        /// <summary>The only input mode this binding applies in, or null for every mode.</summary>
        public string? Mode { get; }

        /// <summary>What the binding is.</summary>
        public string? Description { get; }

        /// <summary>"source: … | assumption: …": why the input is fed this way.</summary>
        public string Provenance { get; }

        /// <summary>Whether the binding applies in <paramref name="mode"/>.</summary>
        public bool AppliesIn(string mode) => Mode is null || Mode == mode;
    }

    /// <summary>The watchdog's timing (ms).</summary>
    public sealed class BoardWatchdog
    {
        /// <summary>Creates the timing.</summary>
        public BoardWatchdog(long timeoutMilliseconds, long resetIntervalMilliseconds, long stallAfterMilliseconds, long warmUpMilliseconds)
        {
            TimeoutMilliseconds = timeoutMilliseconds;
            ResetIntervalMilliseconds = resetIntervalMilliseconds;
            StallAfterMilliseconds = stallAfterMilliseconds;
            WarmUpMilliseconds = warmUpMilliseconds;
        }

        /// <summary>The hardware watchdog's timeout.</summary>
        public long TimeoutMilliseconds { get; }

        /// <summary>The shortest time between two resets.</summary>
        public long ResetIntervalMilliseconds { get; }

        /// <summary>Good cycles further apart than this are a stall: the watchdog is no longer reset.</summary>
        public long StallAfterMilliseconds { get; }

        /// <summary>After the watchdog starts, gaps that end within this grace are not judged as stalls (a slow first cycle).</summary>
        public long WarmUpMilliseconds { get; }
    }

    /// <summary>A fail-safe conversion the board applies.</summary>
    public sealed class BoardFailSafe
    {
        /// <summary>Creates the conversion.</summary>
        public BoardFailSafe(FailSafeKind kind, string reads, string? description)
        {
            Kind = kind;
            Reads = reads;
            Description = description;
        }

        /// <summary>Which reading it concerns.</summary>
        public FailSafeKind Kind { get; }

        /// <summary>What the engine reads instead ("NaN" or "false").</summary>
        public string Reads { get; }

        /// <summary>What it means.</summary>
        public string? Description { get; }
    }
}
