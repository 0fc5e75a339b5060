using System;
using System.Collections.Generic;
using System.Globalization;

namespace BmsRules.Simulation;

/// <summary>
/// The bank compositions the VE.Bus BMS V2 supports (catalogue V2-16, 001 §1): Lithium Battery Smart
/// 12.8 V or 25.6 V, at most four 12.8 V or two 25.6 V in series, at most 20 batteries, a 12, 24 or
/// 48 V system, one battery type throughout.
/// </summary>
public static class BankRules
{
    /// <summary>Most batteries in one bank.</summary>
    public const int MaxBatteries = 20;

    /// <summary>A problem with the bank; <paramref name="Field"/> names the configuration key it is about.</summary>
    /// <param name="Field">"model", "voltage", "capacity", "series", "parallel", "system_voltage", "batteries" or "batteries[i]".</param>
    /// <param name="Message">What is wrong and what the limit is.</param>
    public sealed record Problem(string Field, string Message);

    /// <summary>Every problem with <paramref name="bank"/>; empty when the V2 supports it.</summary>
    public static IReadOnlyList<Problem> Check(BankConfiguration bank)
    {
        var problems = new List<Problem>();
        CheckType(bank.Battery, "", problems);
        if (bank.Series < 1) problems.Add(new("series", "A bank needs at least one battery in series."));
        if (bank.Parallel < 1) problems.Add(new("parallel", "A bank needs at least one string."));
        if (bank.Batteries is { } list)
        {
            if (list.Count != bank.Series * bank.Parallel)
            {
                problems.Add(new("batteries", F($"{list.Count} batteries are listed but series × parallel is {bank.Series} × {bank.Parallel} = {bank.Series * bank.Parallel}.")));
            }
            for (var i = 0; i < list.Count; i++)
            {
                CheckType(list[i], $"batteries[{i}].", problems);
                if (list[i] != list[0])
                {
                    problems.Add(new($"batteries[{i}]",
                        $"Mixed battery types are not allowed: battery {i + 1} is a {list[i].Describe()}, battery 1 a {list[0].Describe()}. " +
                        "A bank must consist of identical Lithium Battery Smart batteries."));
                }
            }
        }
        if (problems.Count > 0) return problems;

        var type = bank.Battery;
        var maxSeries = type.NominalVoltage > 20 ? 2 : 4;
        if (bank.Series > maxSeries)
        {
            problems.Add(new("series", F($"At most {maxSeries} × {type.NominalVoltage:0.0} V batteries can be connected in series (VE.Bus BMS V2, 001 §1); this bank has {bank.Series}.")));
        }
        else
        {
            var nominal = bank.Series * type.NominalVoltage;
            var system = SystemVoltageOf(nominal);
            if (system == 0)
            {
                problems.Add(new("series", F($"{bank.Series} × {type.NominalVoltage:0.0} V = {nominal:0.0} V is not a 12, 24 or 48 V system (VE.Bus BMS V2, 001 §1).")));
            }
            else if (bank.SystemVoltage is { } wanted && Math.Abs(wanted - system) > 0.01)
            {
                problems.Add(new("system_voltage", F($"system_voltage is {wanted:0.#} V but {bank.Series} × {type.NominalVoltage:0.0} V in series makes a {system:0} V system.")));
            }
        }
        if (bank.Series * bank.Parallel > MaxBatteries)
        {
            problems.Add(new("parallel", F($"At most {MaxBatteries} batteries can be connected to a VE.Bus BMS V2 (001 §1); {bank.Series} × {bank.Parallel} = {bank.Series * bank.Parallel}.")));
        }
        return problems;
    }

    /// <summary>The system voltage (12, 24, 48) of a bank with this nominal voltage, or 0 when it is none of them.</summary>
    public static double SystemVoltageOf(double nominalVoltage) => Math.Round(nominalVoltage, 1) switch
    {
        12.8 => 12,
        25.6 => 24,
        51.2 => 48,
        _ => 0,
    };

    private static void CheckType(BatteryType type, string prefix, List<Problem> problems)
    {
        if (type.Model != BatteryType.LithiumBatterySmart)
        {
            problems.Add(new(prefix + "model", $"The VE.Bus BMS V2 works with Victron Lithium Battery Smart batteries only (001 §1), not '{type.Model}'."));
        }
        if (Math.Abs(type.NominalVoltage - 12.8) > 0.01 && Math.Abs(type.NominalVoltage - 25.6) > 0.01)
        {
            problems.Add(new(prefix + "voltage", F($"A Lithium Battery Smart is 12.8 V or 25.6 V, not {type.NominalVoltage:0.##} V (001 §1).")));
        }
        if (!(type.CapacityAh > 0) || double.IsInfinity(type.CapacityAh))
        {
            problems.Add(new(prefix + "capacity", F($"The capacity must be a positive number of Ah, not {type.CapacityAh}.")));
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
