using System.Collections.Generic;
using System.Linq;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;

namespace BmsRules.Desktop.Tests.Simulation;

/// <summary>
/// The simulator's Multi hears the BMS only through VE.Bus: the engine's flags go through the real transmitter and
/// frame codec over an in-memory link, and the Multi model acts on what its endpoint decoded.
/// </summary>
public class VeBusInTheLoopTests
{
    /// <summary>What the Multi's side of the bus looked like after each step.</summary>
    private sealed record BusState(long Time, MultiBmsView View, long FramesSent, long FramesReceived, long LastHeard, long Syncs, MultiState Multi,
        bool EngineAllowToDischarge);

    private sealed class BusRecorder : IRunObserver
    {
        private int _allowToDischarge;

        public List<BusState> States { get; } = new();

        public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker) => _allowToDischarge = sim.Binding.AllowToDischarge;

        public void Step(SystemSimulator sim, long nowMs, bool changed)
        {
            var bus = sim.Bus!;
            States.Add(new BusState(nowMs, sim.MultiView, bus.FramesSent, bus.FramesReceived, bus.Multi.Monitor.LastHeardMs, bus.Syncs, sim.Multi.State,
                sim.Flag(_allowToDischarge)));
        }

        public void End(RunResult result, SystemSimulator sim)
        {
        }
    }

    private const string Eventful = """
        scenario: everything that changes the frames
        duration: 40 min
        bank: { battery: { capacity: 100 Ah }, soc: 12 % }
        system: { mains: off, loads: { dc: 20 A, ac: 300 W } }
        timeline:
          - { at: 3 min, remote: off }
          - { at: 5 min, remote: on }
          - { at: 7 min, bootloader: on }
          - { at: 7 min 3 s, bootloader: off }
          - { at: 9 min, bootloader: on }
          - { at: 11 min, bootloader: off }
          - { at: 13 min, bms: disconnected }
          - { at: 15 min, bms: connected }
          - { at: 17 min, multi.switch: off }
          - { at: 19 min, multi.switch: on }
          - { at: 30 min, mains: on }
        """;

    private static (RunResult Result, List<BusState> States) Run(string yaml, bool everySync = false, string? step = null)
    {
        var scenario = ScenarioLoader.LoadText(step is null ? yaml : yaml + $"\nstep: {step}\n", "bus.yaml");
        scenario.System.VeBusEverySync = everySync;
        var recorder = new BusRecorder();
        var result = ScenarioRunner.Run(scenario, new IRunObserver[] { recorder });
        return (result, recorder.States);
    }

    [Theory]
    [InlineData("100 ms")]
    [InlineData("30 ms")]
    [InlineData("1 s")]
    public void The_event_schedule_puts_the_same_frames_on_the_bus_at_the_same_times_as_sending_every_sync(string step)
    {
        var scheduled = Run(Eventful, everySync: false, step);
        var everySync = Run(Eventful, everySync: true, step);

        Assert.Equal(everySync.States.Count, scheduled.States.Count);
        for (var i = 0; i < scheduled.States.Count; i++) Assert.Equal(everySync.States[i], scheduled.States[i]);
        Assert.Equal(everySync.Result.Events.Select(e => (e.TimeMs, e.Name, e.To)), scheduled.Result.Events.Select(e => (e.TimeMs, e.Name, e.To)));
        var last = scheduled.States[^1];
        Assert.True(last.FramesReceived > 1_000, $"{last.FramesReceived} frames");
        Assert.Equal(last.FramesSent, last.FramesReceived);
        // The schedule is the point: most syncs are answered by nothing and never encoded.
        Assert.InRange(last.Syncs, 40 * 60 * 50 - 100, 40 * 60 * 50 + 1);
    }

    [Fact]
    public void Only_answered_syncs_go_on_the_simulated_wire()
    {
        var scenario = ScenarioLoader.LoadText("scenario: an hour\nduration: 1 h\n", "hour.yaml");
        var capture = new CaptureSim();
        ScenarioRunner.Run(scenario, new IRunObserver[] { capture });

        var bus = capture.Sim!.Bus!;
        Assert.Equal(3_600_000 / MultiEndpoint.SyncPeriodMs + 1, bus.Syncs);
        Assert.Equal(bus.FramesSent, bus.SyncsOnWire);
        Assert.InRange(bus.FramesSent, 3_590, 3_610);
        Assert.Equal(0, bus.Multi.FramesIgnored);
        Assert.Equal(0, bus.Multi.Rejections);
        Assert.Equal(0, bus.MaxSyncToFrameMs);
    }

    [Fact]
    public void A_changed_flag_reaches_the_Multi_in_the_sync_gap_of_the_step_that_changed_it()
    {
        var (_, states) = Run(Eventful);

        var changed = states.First(s => !s.EngineAllowToDischarge && s.Time > 60_000);
        Assert.False(changed.View.AllowToDischarge);
        Assert.Equal(changed.Time, changed.LastHeard);
    }

    [Fact]
    public void With_steps_off_the_sync_grid_a_changed_flag_reaches_the_Multi_within_one_sync_period()
    {
        var (_, states) = Run("""
            scenario: remote off between two syncs
            duration: 2 min
            step: 30 ms
            timeline: [ { at: 90030 ms, remote: off } ]
            """);

        var changed = states.First(s => !s.EngineAllowToDischarge && s.Time > 60_000);
        Assert.NotEqual(0, changed.Time % MultiEndpoint.SyncPeriodMs);
        var heard = states.First(s => s.Time >= changed.Time && !s.View.AllowToDischarge);
        Assert.InRange(heard.LastHeard - changed.Time, 0, MultiEndpoint.SyncPeriodMs);
        Assert.InRange(heard.Time - changed.Time, 0, 30);
    }

    [Fact]
    public void There_is_one_emergency_timeout_and_it_is_the_Multi_endpoint_s()
    {
        Assert.Equal(MultiBmsMonitor.BmsFrameTimeoutMs, new MultiParameters().BmsTimeoutMs);

        var (_, states) = Run("""
            scenario: a longer timeout
            duration: 2 min
            system: { mains: on, multi: { bms_timeout: 8 s } }
            timeline: [ { at: 1 min, bootloader: on } ]
            """);

        var lastFrame = states.First(s => s.Time == 60_000).LastHeard;
        var emergency = states.First(s => s.View.EmergencyMode);
        Assert.InRange(emergency.Time - lastFrame, 8_001, 8_100);
        Assert.Equal(MultiState.Emergency, emergency.Multi);
        Assert.Equal(MultiState.Charging, states.Last(s => !s.View.EmergencyMode).Multi);
    }

    [Fact]
    [Trait("Covers", "V2-18")]
    public void Emergency_mode_starts_a_timeout_after_the_last_frame_not_after_the_BMS_went_quiet()
    {
        var (_, states) = Run("""
            scenario: unplugged
            duration: 1 min
            system: { mains: on }
            timeline: [ { at: 30 s, bms: disconnected } ]
            """);

        var lastFrame = states.First(s => s.Time == 30_000).LastHeard;
        var emergency = states.First(s => s.View.EmergencyMode);
        Assert.InRange(30_000 - lastFrame, 0, 1_000);
        Assert.InRange(emergency.Time - lastFrame, MultiBmsMonitor.BmsFrameTimeoutMs + 1, MultiBmsMonitor.BmsFrameTimeoutMs + 100);
    }

    [Fact]
    public void A_step_with_the_VE_Bus_in_the_loop_allocates_nothing()
    {
        var scenario = ScenarioLoader.LoadText("""
            scenario: a quiet day with a Multi
            duration: 1 d
            system: { loads: { dc: 2 A, ac: 100 W }, mains: on, gx: { present: true }, solar: { control: dvcc, sun: 200 W } }
            """, "quiet.yaml");
        ScenarioRunner.Run(ScenarioLoader.LoadText("scenario: warm-up\nduration: 1 h\nsystem: { gx: { present: true } }\n", "warm.yaml"));

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var result = ScenarioRunner.Run(scenario);
        var perStep = (double)(System.GC.GetAllocatedBytesForCurrentThread() - before) / result.Steps;

        Assert.True(perStep < 0.5, $"{perStep:0.###} bytes per step");
    }

    private sealed class CaptureSim : IRunObserver
    {
        public SystemSimulator? Sim { get; private set; }

        public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker) => Sim = sim;

        public void Step(SystemSimulator sim, long nowMs, bool changed)
        {
        }

        public void End(RunResult result, SystemSimulator sim)
        {
        }
    }
}
