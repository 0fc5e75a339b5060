namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>What a scenario value measures, which decides the units it accepts.</summary>
public enum QuantityKind : byte
{
    /// <summary>A duration or a time: ms, s, min, h, d, or hh:mm:ss.</summary>
    Time,
    /// <summary>V or mV.</summary>
    Voltage,
    /// <summary>A or mA.</summary>
    Current,
    /// <summary>W or kW.</summary>
    Power,
    /// <summary>A, mA, W or kW: loads and sources given either way.</summary>
    CurrentOrPower,
    /// <summary>°C (also C, degC).</summary>
    Temperature,
    /// <summary>A temperature difference: °C or K.</summary>
    TemperatureDelta,
    /// <summary>%; the value is a fraction (30 % = 0.30).</summary>
    Percent,
    /// <summary>Ah.</summary>
    Charge,
    /// <summary>Ω (ohm) or mΩ (mohm).</summary>
    Resistance,
    /// <summary>%/month; a fraction per 30 days.</summary>
    PercentPerMonth,
    /// <summary>%/°C; a fraction per degree.</summary>
    PercentPerDegree,
}
