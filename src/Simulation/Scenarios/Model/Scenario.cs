using System.Collections.Generic;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Simulation.Scenarios.Model;

/// <summary>
/// A parsed, validated scenario, ready to run once (a run changes its configuration and decides its
/// expectations; load the file again to run it again).
/// </summary>
internal sealed class Scenario
{
    public Scenario(string file, string name, string? description, IReadOnlyList<string> covers, EngineDescriptor product,
        long stepMs, long durationMs, IReadOnlyList<(int Index, double Value)> settings, SystemConfiguration system,
        IReadOnlyList<TimelineEvent> timeline, IReadOnlyList<Expectation> expectations)
    {
        File = file;
        Name = name;
        Description = description;
        Covers = covers;
        Product = product;
        StepMs = stepMs;
        DurationMs = durationMs;
        Settings = settings;
        System = system;
        Timeline = timeline;
        Expectations = expectations;
    }

    /// <summary>The same scenario run for <paramref name="durationMs"/> instead (events and expectations past it never happen).</summary>
    public Scenario WithDuration(long durationMs) =>
        new(File, Name, Description, Covers, Product, StepMs, durationMs, Settings, System, Timeline, Expectations);

    /// <summary>The file it came from.</summary>
    public string File { get; }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>The behaviour-catalogue ids it exercises.</summary>
    public IReadOnlyList<string> Covers { get; }

    /// <summary>The product whose engine runs it.</summary>
    public EngineDescriptor Product { get; }

    /// <summary>Simulation step (ms).</summary>
    public long StepMs { get; }

    /// <summary>Run length (ms).</summary>
    public long DurationMs { get; }

    /// <summary>Engine settings (index, value) applied before the first step.</summary>
    public IReadOnlyList<(int Index, double Value)> Settings { get; }

    /// <summary>The system at the start.</summary>
    public SystemConfiguration System { get; }

    /// <summary>Events in time order.</summary>
    public IReadOnlyList<TimelineEvent> Timeline { get; }

    /// <summary>Expectations in file order.</summary>
    public IReadOnlyList<Expectation> Expectations { get; }
}
