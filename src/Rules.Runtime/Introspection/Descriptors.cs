using System;
using System.Collections.Generic;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>Kinds of engine input.</summary>
    public enum InputKind : byte
    {
        /// <summary>A measured value with a unit and a valid range.</summary>
        Number,
        /// <summary>A digital signal.</summary>
        Bool,
        /// <summary>A counter that changes with every fresh reading; stale when it stops changing.</summary>
        Sequence,
    }

    /// <summary>Severity of a code, most severe first.</summary>
    public enum CodeSeverity : byte
    {
        /// <summary>Something failed; protection is active.</summary>
        Error,
        /// <summary>A limit is reached; protection acted.</summary>
        Alarm,
        /// <summary>A limit is near.</summary>
        Warning,
        /// <summary>A state the user should know of.</summary>
        Info,
    }

    /// <summary>What every spec entry carries: a description and where its value comes from.</summary>
    public abstract class SpecEntry
    {
        /// <summary>Creates the entry.</summary>
        protected SpecEntry(string name, string? description, string provenance)
        {
            Name = name;
            Description = description;
            Provenance = provenance;
        }

        /// <summary>The name in the spec.</summary>
        public string Name { get; }

        /// <summary>What it is, from the spec.</summary>
        public string? Description { get; }

        /// <summary>"source: … | assumption: …" from the spec.</summary>
        public string Provenance { get; }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    /// <summary>An input of the engine.</summary>
    public sealed class InputDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public InputDescriptor(string name, InputKind kind, string? unit, double min, double max, string? invalidCode,
            string? requiredWhen, string? description, string provenance)
            : base(name, description, provenance)
        {
            Kind = kind;
            Unit = unit;
            Min = min;
            Max = max;
            InvalidCode = invalidCode;
            RequiredWhen = requiredWhen;
        }

        /// <summary>Number, bool or sequence.</summary>
        public InputKind Kind { get; }

        /// <summary>The unit of a number input.</summary>
        public string? Unit { get; }

        /// <summary>Lowest valid value of a number input.</summary>
        public double Min { get; }

        /// <summary>Highest valid value of a number input.</summary>
        public double Max { get; }

        /// <summary>The code raised while the input is invalid (and required).</summary>
        public string? InvalidCode { get; }

        /// <summary>When the input is required (its invalidity raises the code); null = always.</summary>
        public string? RequiredWhen { get; }
    }

    /// <summary>A user setting.</summary>
    public sealed class SettingDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public SettingDescriptor(string name, bool isBool, string? unit, double defaultValue, double min, double max,
            string? description, string provenance)
            : base(name, description, provenance)
        {
            IsBool = isBool;
            Unit = unit;
            Default = defaultValue;
            Min = min;
            Max = max;
        }

        /// <summary>True for on/off settings (value 0 or 1).</summary>
        public bool IsBool { get; }

        /// <summary>The unit of a number setting.</summary>
        public string? Unit { get; }

        /// <summary>The documented default.</summary>
        public double Default { get; }

        /// <summary>Lowest allowed value.</summary>
        public double Min { get; }

        /// <summary>Highest allowed value.</summary>
        public double Max { get; }
    }

    /// <summary>A named duration.</summary>
    public sealed class TimerDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public TimerDescriptor(string name, long milliseconds, string? description, string provenance)
            : base(name, description, provenance) => Milliseconds = milliseconds;

        /// <summary>The duration.</summary>
        public long Milliseconds { get; }
    }

    /// <summary>Kinds of condition.</summary>
    public enum ConditionKind : byte
    {
        /// <summary>A comparator with hysteresis.</summary>
        Threshold,
        /// <summary>A named boolean expression.</summary>
        Signal,
    }

    /// <summary>A threshold or a signal.</summary>
    public sealed class ConditionDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public ConditionDescriptor(string name, ConditionKind kind, string definition, string? description, string provenance)
            : base(name, description, provenance)
        {
            Kind = kind;
            Definition = definition;
        }

        /// <summary>Threshold or signal.</summary>
        public ConditionKind Kind { get; }

        /// <summary>The rule as written, e.g. "CellMinVoltage &lt;= 2.80 V, release &gt;= 3.20 V".</summary>
        public string Definition { get; }
    }

    /// <summary>An input divided into zones.</summary>
    public sealed class BandDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public BandDescriptor(string name, string input, IReadOnlyList<string> zones, IReadOnlyList<double> boundaries, int home,
            double hysteresis, string? description, string provenance)
            : base(name, description, provenance)
        {
            Input = input;
            Zones = zones;
            Boundaries = boundaries;
            Home = home;
            Hysteresis = hysteresis;
        }

        /// <summary>The input's name.</summary>
        public string Input { get; }

        /// <summary>Zone names, low to high.</summary>
        public IReadOnlyList<string> Zones { get; }

        /// <summary>Zone boundaries, ascending (one fewer than zones).</summary>
        public IReadOnlyList<double> Boundaries { get; }

        /// <summary>Index of the home zone.</summary>
        public int Home { get; }

        /// <summary>Hysteresis for returning toward home.</summary>
        public double Hysteresis { get; }
    }

    /// <summary>A high/floating output.</summary>
    public sealed class OutputDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public OutputDescriptor(string name, string? label, string highWhen, string? description, string provenance)
            : base(name, description, provenance)
        {
            Label = label;
            HighWhen = highWhen;
        }

        /// <summary>The terminal's label.</summary>
        public string? Label { get; }

        /// <summary>The condition that drives it high.</summary>
        public string HighWhen { get; }
    }

    /// <summary>A logical flag.</summary>
    public sealed class FlagDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public FlagDescriptor(string name, string when, string? description, string provenance)
            : base(name, description, provenance) => When = when;

        /// <summary>The condition that sets it.</summary>
        public string When { get; }
    }

    /// <summary>A column of a truth table.</summary>
    public sealed class ColumnDescriptor
    {
        /// <summary>Creates the descriptor.</summary>
        public ColumnDescriptor(string name, string when)
        {
            Name = name;
            When = when;
        }

        /// <summary>Column name.</summary>
        public string Name { get; }

        /// <summary>The condition it tests.</summary>
        public string When { get; }
    }

    /// <summary>A truth table: a value table or an LED.</summary>
    public sealed class TableDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public TableDescriptor(string name, bool isLed, string? label, string? colour, string? unit, IReadOnlyList<string> values,
            IReadOnlyList<ColumnDescriptor> columns, IReadOnlyList<byte> lookup, string? description, string provenance,
            IReadOnlyList<LedPatternDescriptor>? patterns = null)
            : base(name, description, provenance)
        {
            IsLed = isLed;
            Label = label;
            Colour = colour;
            Unit = unit;
            Values = values;
            Columns = columns;
            Lookup = lookup;
            Patterns = patterns ?? Array.Empty<LedPatternDescriptor>();
        }

        /// <summary>True for LEDs (values are blink patterns).</summary>
        public bool IsLed { get; }

        /// <summary>Front-panel label of an LED.</summary>
        public string? Label { get; }

        /// <summary>Colour of an LED.</summary>
        public string? Colour { get; }

        /// <summary>Unit of a numeric table.</summary>
        public string? Unit { get; }

        /// <summary>Value or pattern names (numeric tables: the quantities as text).</summary>
        public IReadOnlyList<string> Values { get; }

        /// <summary>The columns, bit i of the lookup index = column i.</summary>
        public IReadOnlyList<ColumnDescriptor> Columns { get; }

        /// <summary>The complete truth table: value index per combination of column values.</summary>
        public IReadOnlyList<byte> Lookup { get; }

        /// <summary>
        /// LEDs: the blink timing of each pattern, indexed like <see cref="Values"/> (empty for value tables).
        /// Lets a board loop know when an LED will next change without deciding whether it is lit.
        /// </summary>
        public IReadOnlyList<LedPatternDescriptor> Patterns { get; }
    }

    /// <summary>
    /// The timing of one LED pattern. A blinking pattern is lit for <see cref="OnMs"/> at the start of
    /// every <see cref="PeriodMs"/>, counted from when the pattern began; a steady one (period 0) is
    /// lit when <see cref="SteadyLit"/>.
    /// </summary>
    public sealed class LedPatternDescriptor
    {
        /// <summary>Creates the descriptor.</summary>
        public LedPatternDescriptor(string name, long periodMs, long onMs, bool steadyLit)
        {
            Name = name;
            PeriodMs = periodMs;
            OnMs = onMs;
            SteadyLit = steadyLit;
        }

        /// <summary>Pattern name.</summary>
        public string Name { get; }

        /// <summary>Blink period in ms; 0 for a steady pattern.</summary>
        public long PeriodMs { get; }

        /// <summary>Lit time at the start of each period, in ms.</summary>
        public long OnMs { get; }

        /// <summary>Whether a steady pattern is lit (ignored for blinking ones).</summary>
        public bool SteadyLit { get; }

        /// <summary>True when the LED changes by itself while this pattern lasts.</summary>
        public bool IsBlinking => PeriodMs > 0;
    }

    /// <summary>A warning, alarm or error code.</summary>
    public sealed class CodeDescriptor : SpecEntry
    {
        /// <summary>Creates the descriptor.</summary>
        public CodeDescriptor(string id, string name, CodeSeverity severity, string text, string? when, string provenance)
            : base(name, text, provenance)
        {
            Id = id;
            Severity = severity;
            Text = text;
            When = when;
        }

        /// <summary>The code as shown to users, e.g. "E01".</summary>
        public string Id { get; }

        /// <summary>Error, alarm, warning or info.</summary>
        public CodeSeverity Severity { get; }

        /// <summary>What it means and what to do.</summary>
        public string Text { get; }

        /// <summary>Its own condition (it is also raised by invalid inputs naming it).</summary>
        public string? When { get; }

        /// <inheritdoc/>
        public override string ToString() => Id + " " + Name;
    }
}
