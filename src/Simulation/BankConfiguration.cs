using System.Collections.Generic;

namespace BmsRules.Simulation;

/// <summary>
/// How the battery bank is built and how its cells behave. Composition (type, series, parallel) is
/// checked against the V2 limits by <see cref="BankRules"/>; everything else is physics with
/// documented defaults (docs/scenarios.md).
/// </summary>
public sealed class BankConfiguration
{
    /// <summary>The battery every position of the bank holds.</summary>
    public BatteryType Battery { get; set; } = BatteryType.Default;

    /// <summary>
    /// Each battery when listed one by one (string by string, <see cref="Series"/> per string), or null
    /// when every position holds <see cref="Battery"/>. Listing them lets a scenario show that mixed
    /// types are refused.
    /// </summary>
    public IReadOnlyList<BatteryType>? Batteries { get; set; }

    /// <summary>Batteries in series per string.</summary>
    public int Series { get; set; } = 1;

    /// <summary>Strings in parallel.</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>The system voltage the user says the bank is for (12, 24 or 48 V), checked when given.</summary>
    public double? SystemVoltage { get; set; }

    /// <summary>Initial state of charge of every cell (fraction).</summary>
    public double InitialSoc { get; set; } = 0.5;

    /// <summary>Initial battery temperature (°C).</summary>
    public double Temperature { get; set; } = 20;

    /// <summary>Cells that start with a different state of charge or capacity.</summary>
    public List<CellImbalance> Imbalance { get; } = new();

    /// <summary>Electrical parameters of one cell.</summary>
    public CellParameters Cell { get; } = new();

    /// <summary>The batteries' built-in balancer.</summary>
    public BalancerParameters Balancer { get; } = new();

    /// <summary>The batteries' BTV signal thresholds (used when the BMS takes BTV signals).</summary>
    public BtvParameters Btv { get; } = new();

    /// <summary>How often the BMS receives fresh cell data (milliseconds).</summary>
    public long DataIntervalMs { get; set; } = 1000;

    /// <summary>The battery at position <paramref name="index"/> (0-based, string by string).</summary>
    public BatteryType BatteryAt(int index) => Batteries is { } list && index < list.Count ? list[index] : Battery;

    /// <summary>Batteries in the bank.</summary>
    public int BatteryCount => Series * Parallel;
}

/// <summary>A cell that differs from the others (1-based battery and cell numbers).</summary>
/// <param name="Battery">Battery number, 1-based, string by string.</param>
/// <param name="Cell">Cell number inside the battery, 1-based.</param>
/// <param name="SocOffset">Added to its state of charge (fraction, e.g. 0.05 = +5 %).</param>
/// <param name="CapacityFactor">Its capacity relative to the rated one (1 = rated).</param>
public sealed record CellImbalance(int Battery, int Cell, double SocOffset, double CapacityFactor);

/// <summary>Electrical parameters of one cell (simulation physics, not BMS rules).</summary>
public sealed class CellParameters
{
    /// <summary>Ohmic resistance of one cell including its share of connections (Ω); null = 0.12 Ω·Ah / capacity (1.2 mΩ at 100 Ah).</summary>
    public double? Resistance { get; set; }

    /// <summary>Resistance of the polarisation (RC) branch (Ω); null = same as <see cref="Resistance"/>.</summary>
    public double? PolarizationResistance { get; set; }

    /// <summary>Time constant of the polarisation branch (s): how slowly a cell rebounds after a load step.</summary>
    public double PolarizationTimeConstant { get; set; } = 120;

    /// <summary>Self-discharge, fraction of capacity per 30 days.</summary>
    public double SelfDischargePerMonth { get; set; } = 0.03;

    /// <summary>Extra resistance per °C below 25 °C (fraction per °C): cold cells sag more under load.</summary>
    public double ColdResistancePerDegree { get; set; } = 0.03;
}

/// <summary>The Lithium Battery Smart's passive top balancer (simulation physics).</summary>
public sealed class BalancerParameters
{
    /// <summary>A cell at or above this open-circuit voltage is bled (V).</summary>
    public double Voltage { get; set; } = 3.45;

    /// <summary>Bleed current (A); 0 disables balancing.</summary>
    public double Current { get; set; } = 0.5;
}

/// <summary>
/// Levels at which the battery's BTV module drops its discrete signals. They mirror the levels the
/// V2 manual gives (3.1 V pre-alarm, 2.8 V low cell, 4 V high cell, 5 °C); the release levels are
/// simulation assumptions.
/// </summary>
public sealed class BtvParameters
{
    /// <summary>Pre-alarm at or below this cell voltage (V).</summary>
    public double PreAlarm { get; set; } = 3.10;

    /// <summary>Not allowed to discharge at or below this cell voltage (V).</summary>
    public double LowCell { get; set; } = 2.80;

    /// <summary>Not allowed to charge at or above this cell voltage (V).</summary>
    public double HighCell { get; set; } = 4.00;

    /// <summary>Not allowed to charge below this temperature (°C).</summary>
    public double LowTemperature { get; set; } = 5;

    /// <summary>Not allowed to charge above this temperature (°C).</summary>
    public double HighTemperature { get; set; } = 50;

    /// <summary>Hysteresis of the voltage signals (V).</summary>
    public double VoltageHysteresis { get; set; } = 0.2;

    /// <summary>Hysteresis of the temperature signal (°C).</summary>
    public double TemperatureHysteresis { get; set; } = 2;
}
