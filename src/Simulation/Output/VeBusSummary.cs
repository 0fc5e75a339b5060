using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Output;

/// <summary>The VE.Bus counters at the end of a run, for the JSON output (nothing per step).</summary>
internal sealed class VeBusSummary : IRunObserver
{
    /// <summary>Whether there was a bus (a Multi).</summary>
    public bool Present { get; private set; }

    public long Syncs { get; private set; }

    public long SyncsOnWire { get; private set; }

    public long FramesSent { get; private set; }

    public long FramesReceived { get; private set; }

    public long FramesIgnored { get; private set; }

    public long Rejections { get; private set; }

    public long MaxSyncToFrameMs { get; private set; }

    public long BmsTimeoutMs { get; private set; }

    /// <summary>Every sync went on the simulated wire (tests), instead of the event schedule.</summary>
    public bool EverySync { get; private set; }

    public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker) => BmsTimeoutMs = scenario.System.Multi.BmsTimeoutMs;

    public void Step(SystemSimulator sim, long nowMs, bool changed)
    {
    }

    public void End(RunResult result, SystemSimulator sim)
    {
        if (sim.Bus is not { } bus) return;
        Present = true;
        EverySync = bus.EverySync;
        Syncs = bus.Syncs;
        SyncsOnWire = bus.SyncsOnWire;
        FramesSent = bus.FramesSent;
        FramesReceived = bus.FramesReceived;
        FramesIgnored = bus.Multi.FramesIgnored;
        Rejections = bus.Multi.Rejections;
        MaxSyncToFrameMs = bus.MaxSyncToFrameMs;
    }
}
