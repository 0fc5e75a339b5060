using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Running;

/// <summary>Something that watches a run as it goes (CSV writer, plot recorder). Step callbacks must not allocate.</summary>
internal interface IRunObserver
{
    /// <summary>Before the first step.</summary>
    void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker);

    /// <summary>After every step; <paramref name="changed"/> when a tracked observable changed in it.</summary>
    void Step(SystemSimulator sim, long nowMs, bool changed);

    /// <summary>After the last step.</summary>
    void End(RunResult result, SystemSimulator sim);
}
