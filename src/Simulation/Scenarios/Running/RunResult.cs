using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Observables;

namespace BmsRules.Simulation.Scenarios.Running;

/// <summary>The outcome of a run: the timeline, the expectations and how fast it went.</summary>
internal sealed class RunResult
{
    public RunResult(Scenario scenario, IReadOnlyList<SimEvent> events, long steps, long simulatedMs, TimeSpan wallTime, int cellCount,
        IReadOnlyList<(Observable Observable, string Value)> initial)
    {
        Initial = initial;
        Scenario = scenario;
        Events = events;
        Steps = steps;
        SimulatedMs = simulatedMs;
        WallTime = wallTime;
        CellCount = cellCount;
    }

    public Scenario Scenario { get; }

    /// <summary>Every tracked observable's value after the first step (the timeline lists changes from there).</summary>
    public IReadOnlyList<(Observable Observable, string Value)> Initial { get; }

    /// <summary>Every change, scenario action and failed expectation, in time order.</summary>
    public IReadOnlyList<SimEvent> Events { get; }

    public IReadOnlyList<Expectation> Expectations => Scenario.Expectations;

    public IEnumerable<Expectation> Failed => Expectations.Where(e => e.Outcome != ExpectationOutcome.Passed);

    public bool Passed => !Failed.Any();

    public long Steps { get; }

    public long SimulatedMs { get; }

    public TimeSpan WallTime { get; }

    /// <summary>Cells simulated.</summary>
    public int CellCount { get; }

    /// <summary>Simulated time over wall time.</summary>
    public double SpeedUp => WallTime.TotalMilliseconds > 0 ? SimulatedMs / WallTime.TotalMilliseconds : double.PositiveInfinity;

    /// <summary>Times at which <paramref name="observable"/> changed to <paramref name="value"/>.</summary>
    public IEnumerable<long> WhenChangedTo(string observable, string value) =>
        Events.Where(e => e.Kind == SimEventKind.Change && e.Name == observable && e.To == value).Select(e => e.TimeMs);
}
