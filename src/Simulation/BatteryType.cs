using System;
using System.Globalization;

namespace BmsRules.Simulation;

/// <summary>One battery of the bank: its model, nominal voltage and capacity.</summary>
/// <param name="Model">The product line, e.g. <see cref="LithiumBatterySmart"/>.</param>
/// <param name="NominalVoltage">Nominal voltage (12.8 V = 4 LiFePO4 cells in series, 25.6 V = 8).</param>
/// <param name="CapacityAh">Rated capacity in ampere-hours.</param>
public sealed record BatteryType(string Model, double NominalVoltage, double CapacityAh)
{
    /// <summary>Victron Lithium Battery Smart, the only battery the VE.Bus BMS V2 supports (001 §1).</summary>
    public const string LithiumBatterySmart = "LithiumBatterySmart";

    /// <summary>Nominal voltage of one LiFePO4 cell.</summary>
    public const double CellNominalVoltage = 3.2;

    /// <summary>The default battery: a Lithium Battery Smart 12.8 V 200 Ah.</summary>
    public static BatteryType Default { get; } = new(LithiumBatterySmart, 12.8, 200);

    /// <summary>Cells in series inside the battery (4 for 12.8 V, 8 for 25.6 V).</summary>
    public int Cells => (int)Math.Round(NominalVoltage / CellNominalVoltage);

    /// <summary>e.g. "Lithium Battery Smart 12.8 V 200 Ah".</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(Model == LithiumBatterySmart ? "Lithium Battery Smart" : Model)} {NominalVoltage:0.0} V {CapacityAh:0.#} Ah");
}
