using System.Globalization;

namespace BmsRules.Simulation;

/// <summary>A load or source given in amps or in watts (watts become amps at the bank voltage).</summary>
/// <param name="Value">The amount.</param>
/// <param name="IsPower">True for watts, false for amps.</param>
public readonly record struct Demand(double Value, bool IsPower)
{
    /// <summary>Nothing.</summary>
    public static Demand Zero => default;

    /// <summary>Amps at <paramref name="voltage"/>.</summary>
    public double Amps(double voltage) => IsPower ? (voltage > 1 ? Value / voltage : 0) : Value;

    /// <summary>Watts at <paramref name="voltage"/>.</summary>
    public double Watts(double voltage) => IsPower ? Value : Value * voltage;

    /// <summary>The same kind of demand with another amount (ramps keep the unit).</summary>
    public Demand With(double value) => new(value, IsPower);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture) + (IsPower ? " W" : " A");
}
