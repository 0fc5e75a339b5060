using System;

namespace BmsRules.Generator.Model;

/// <summary>The physical kind of a quantity; comparisons and thresholds need matching kinds.</summary>
public enum Dimension
{
    /// <summary>Volts.</summary>
    Voltage,
    /// <summary>Amperes.</summary>
    Current,
    /// <summary>Degrees Celsius (absolute), or kelvin/°C differences.</summary>
    Temperature,
    /// <summary>Seconds.</summary>
    Time,
    /// <summary>Hertz.</summary>
    Frequency,
    /// <summary>Percent.</summary>
    Ratio,
    /// <summary>Ampere-hours.</summary>
    Charge,
    /// <summary>Ohms (board section: divider resistors).</summary>
    Resistance,
}

/// <summary>A unit symbol: its dimension and its factor to the dimension's base unit.</summary>
/// <param name="Symbol">As written in the spec.</param>
/// <param name="Dimension">Its physical kind.</param>
/// <param name="Factor">Multiply a value in this unit by it to get the base unit (V, A, °C, s, Hz, %, Ah).</param>
/// <param name="DeltaOnly">True for kelvin: allowed for differences (hysteresis, offsets), not absolute temperatures.</param>
public sealed record UnitInfo(string Symbol, Dimension Dimension, double Factor, bool DeltaOnly = false)
{
    private static readonly UnitInfo[] Known =
    {
        new("V", Dimension.Voltage, 1), new("mV", Dimension.Voltage, 0.001),
        new("A", Dimension.Current, 1), new("mA", Dimension.Current, 0.001),
        new("°C", Dimension.Temperature, 1), new("degC", Dimension.Temperature, 1),
        new("K", Dimension.Temperature, 1, DeltaOnly: true),
        new("s", Dimension.Time, 1), new("ms", Dimension.Time, 0.001),
        new("min", Dimension.Time, 60), new("h", Dimension.Time, 3600),
        new("Hz", Dimension.Frequency, 1),
        new("%", Dimension.Ratio, 1),
        new("Ah", Dimension.Charge, 1),
        new("Ω", Dimension.Resistance, 1), new("kΩ", Dimension.Resistance, 1000), new("MΩ", Dimension.Resistance, 1_000_000),
    };

    /// <summary>The symbols the spec accepts, for messages.</summary>
    public static string KnownSymbols => "V, mV, A, mA, °C, degC, K, s, ms, min, h, Hz, %, Ah, Ω, kΩ, MΩ";

    /// <summary>Looks up a unit symbol (case-sensitive: mV is not MV).</summary>
    public static UnitInfo? Find(string symbol)
    {
        foreach (var unit in Known)
        {
            if (string.Equals(unit.Symbol, symbol, StringComparison.Ordinal)) return unit;
        }
        return null;
    }

    /// <summary>Converts <paramref name="value"/> in this unit to <paramref name="target"/> (same dimension).</summary>
    public double ConvertTo(double value, UnitInfo target) => value * Factor / target.Factor;

    /// <summary>The dimension's name for messages, with its base unit.</summary>
    public static string Describe(Dimension dimension) => dimension switch
    {
        Dimension.Voltage => "volts (V, mV)",
        Dimension.Current => "amperes (A, mA)",
        Dimension.Temperature => "degrees Celsius (°C)",
        Dimension.Time => "time (ms, s, min, h)",
        Dimension.Frequency => "hertz (Hz)",
        Dimension.Ratio => "percent (%)",
        Dimension.Charge => "ampere-hours (Ah)",
        Dimension.Resistance => "ohms (Ω, kΩ, MΩ)",
        _ => dimension.ToString(),
    };
}

/// <summary>A number with an optional unit, as written in the spec ("4.00 V", "30 s").</summary>
public readonly record struct Quantity(double Value, UnitInfo? Unit)
{
    /// <summary>The value in the base unit of its dimension (or as written when unitless).</summary>
    public double BaseValue => Unit is null ? Value : Value * Unit.Factor;

    /// <summary>Invariant text for messages, e.g. "4 V".</summary>
    public override string ToString() =>
        Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + (Unit is null ? "" : " " + Unit.Symbol);
}
