using System;
using System.Collections.Generic;
using BmsRules.Simulation.Scenarios.Parsing;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Controls;

/// <summary>How a control's value is written.</summary>
internal enum ControlType : byte
{
    /// <summary>Amps or watts.</summary>
    Demand,
    /// <summary>A quantity of <see cref="Control.Quantity"/>.</summary>
    Number,
    /// <summary>One of <see cref="Control.Words"/> (the value is its index).</summary>
    Choice,
    /// <summary>A plain number without unit (counters).</summary>
    Plain,
}

/// <summary>
/// Something a timeline event can set or ramp: a load, the sun, mains, temperature, the remote
/// switch, an engine input or setting, a Multi parameter. Values are doubles (choices by index,
/// demands with a watts flag) so that applying one in the step loop allocates nothing.
/// </summary>
internal sealed class Control
{
    public Control(string name, string description, ControlType type, Action<SystemSimulator, ControlValue> apply,
        Func<SystemSimulator, ControlValue> read, QuantityKind quantity = QuantityKind.Voltage, string[][]? words = null,
        double scale = 1, bool canRelease = false)
    {
        Name = name;
        Description = description;
        Type = type;
        Apply = apply;
        Read = read;
        Quantity = quantity;
        Words = words ?? Array.Empty<string[]>();
        Scale = scale;
        CanRelease = canRelease;
    }

    /// <summary>Its name in scenarios.</summary>
    public string Name { get; }

    /// <summary>What it does, for docs and errors.</summary>
    public string Description { get; }

    public ControlType Type { get; }

    /// <summary>Applies a value.</summary>
    public Action<SystemSimulator, ControlValue> Apply { get; }

    /// <summary>Reads the value in force (the start of a ramp).</summary>
    public Func<SystemSimulator, ControlValue> Read { get; }

    /// <summary>For numbers: what they measure.</summary>
    public QuantityKind Quantity { get; }

    /// <summary>For choices: the accepted words per value (index = value).</summary>
    public IReadOnlyList<string[]> Words { get; }

    /// <summary>Multiplies the parsed base-unit value (e.g. 1000 for an input in mA).</summary>
    public double Scale { get; }

    /// <summary>Accepts "auto": gives an overridden engine input back to the physics.</summary>
    public bool CanRelease { get; }

    /// <summary>Numbers and demands can be ramped.</summary>
    public bool CanRamp => Type is ControlType.Demand or ControlType.Number or ControlType.Plain;

    /// <summary>The accepted values, for messages.</summary>
    public string Expected => Type switch
    {
        ControlType.Demand => QuantityText.Expected(QuantityKind.CurrentOrPower),
        ControlType.Number => QuantityText.Expected(Quantity) + (CanRelease ? ", or 'auto'" : ""),
        ControlType.Plain => "a number" + (CanRelease ? ", or 'auto'" : ""),
        _ => string.Join(" or ", FirstWords()) + (CanRelease ? ", or 'auto'" : ""),
    };

    /// <summary>The value shown in the timeline.</summary>
    public string Format(ControlValue value)
    {
        if (value.Release) return "auto";
        return Type switch
        {
            ControlType.Demand => new Demand(value.Value, value.IsPower).ToString(),
            ControlType.Choice => (int)value.Value >= 0 && (int)value.Value < Words.Count ? Words[(int)value.Value][0] : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ControlType.Number => FormatNumber(value.Value),
            _ => value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private string FormatNumber(double v)
    {
        var unit = Quantity switch
        {
            QuantityKind.Voltage => " V",
            QuantityKind.Current => " A",
            QuantityKind.Power => " W",
            QuantityKind.Temperature => " °C",
            QuantityKind.Percent => " %",
            QuantityKind.Time => " ms",
            _ => "",
        };
        var shown = Quantity == QuantityKind.Percent ? v * 100 / Scale : v / Scale;
        return shown.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + unit;
    }

    private IEnumerable<string> FirstWords()
    {
        foreach (var w in Words) yield return "'" + w[0] + "'";
    }
}

/// <summary>A control value: a number (or choice index), whether it is watts, or "auto".</summary>
internal readonly record struct ControlValue(double Value, bool IsPower = false, bool Release = false);
