using System;
using System.Collections.Generic;
using System.Globalization;

namespace BmsRules.Simulation.Observables;

/// <summary>Where an observable's value comes from.</summary>
public enum ObservableSource : byte
{
#pragma warning disable CS1591 // Each names the engine or simulator member it reads.
    Output,
    Flag,
    State,
    Zone,
    Condition,
    Table,
    TableNumber,
    Led,
    LedLit,
    Code,
    PrimaryCode,
    Input,
    Simulator,
    CellVoltage,
    CellSoc,
#pragma warning restore CS1591
}

/// <summary>How an observable's value reads.</summary>
public enum ValueKind : byte
{
    /// <summary>One of named values (the double is the index).</summary>
    Enum,

    /// <summary>True or false (1 or 0).</summary>
    Bool,

    /// <summary>A quantity with a unit.</summary>
    Number,
}

/// <summary>
/// Something a scenario can expect, the timeline reports or the CSV records: an engine output, flag,
/// state, zone, condition, table, LED, code or input (by its spec name), or a simulator quantity.
/// Read by <see cref="ObservableReader"/> as a double without allocating.
/// </summary>
public sealed class Observable
{
    /// <summary>Creates an observable.</summary>
    public Observable(string name, string label, ObservableSource source, int index, ValueKind kind,
        IReadOnlyList<string>? valueNames = null, string? unit = null, int index2 = 0)
    {
        Name = name;
        Label = label;
        Source = source;
        Index = index;
        Index2 = index2;
        Kind = kind;
        ValueNames = valueNames ?? Array.Empty<string>();
        Unit = unit;
    }

    /// <summary>Its name in scenarios, e.g. "output.LoadDisconnect".</summary>
    public string Name { get; }

    /// <summary>How people read it, e.g. "Load disconnect (ATD)".</summary>
    public string Label { get; }

    /// <summary>Where it comes from.</summary>
    public ObservableSource Source { get; }

    /// <summary>Index in its engine list, or the <see cref="SimQuantity"/>, or a battery number.</summary>
    public int Index { get; }

    /// <summary>Second index (cell number) where needed.</summary>
    public int Index2 { get; }

    /// <summary>Enum, bool or number.</summary>
    public ValueKind Kind { get; }

    /// <summary>The names of an enum's values, by index.</summary>
    public IReadOnlyList<string> ValueNames { get; }

    /// <summary>The unit of a number.</summary>
    public string? Unit { get; }

    /// <summary>A value as people read it: the enum name, true/false, or the number with its unit.</summary>
    public string Format(double value)
    {
        switch (Kind)
        {
            case ValueKind.Enum:
                var i = (int)value;
                return i >= 0 && i < ValueNames.Count ? ValueNames[i] : value.ToString(CultureInfo.InvariantCulture);
            case ValueKind.Bool:
                return value != 0 ? "true" : "false";
            default:
                if (double.IsNaN(value)) return "n/a";
                var digits = Unit switch { "V" => "0.000", "%" => "0.0", "°C" => "0.0", "A" => "0.0##", "mA" => "0.##", _ => "0.###" };
                return value.ToString(digits, CultureInfo.InvariantCulture) + (Unit is null ? "" : " " + Unit);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
