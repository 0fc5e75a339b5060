namespace BmsRules.Simulation.Scenarios.Running;

/// <summary>What kind of timeline row an event is.</summary>
public enum SimEventKind : byte
{
    /// <summary>A state, output, flag, LED pattern, table value or code changed.</summary>
    Change,

    /// <summary>The scenario did something (mains on, load set, ramp started…).</summary>
    Scenario,

    /// <summary>An expectation failed.</summary>
    Expectation,
}

/// <summary>One row of the timeline, with the battery's state at that moment for context.</summary>
/// <param name="TimeMs">When (ms from the start).</param>
/// <param name="Kind">Change, scenario action or expectation.</param>
/// <param name="Name">Observable name ("output.PreAlarm"), "scenario", or the expectation's name.</param>
/// <param name="Label">How people read the name ("Pre-alarm").</param>
/// <param name="From">The value before (null for scenario and expectation rows).</param>
/// <param name="To">The value after, or what the scenario did, or why the expectation failed.</param>
/// <param name="CellMin">Lowest cell voltage then (V).</param>
/// <param name="CellMax">Highest cell voltage then (V).</param>
/// <param name="Soc">Mean state of charge then (%).</param>
/// <param name="Line">The scenario line (scenario and expectation rows), else 0.</param>
public sealed record SimEvent(long TimeMs, SimEventKind Kind, string Name, string Label, string? From, string To,
    double CellMin, double CellMax, double Soc, long Line = 0);
