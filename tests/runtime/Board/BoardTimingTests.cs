using System;
using System.Diagnostics;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The board loop's cost on the desktop, with the code path the board runs (composer, runner,
/// controller, ADC scan, dividers, BTV inputs, LED scheduler, watchdog policy, snapshot publisher)
/// over fake hardware that allocates nothing. docs/hardware.md quotes these figures.
/// </summary>
public sealed class BoardTimingTests
{
    private const int WarmUpCycles = 20_000;
    private const int MeasuredCycles = 100_000;
    private readonly ITestOutputHelper _output;

    public BoardTimingTests(ITestOutputHelper output) => _output = output;

    private static BoardRig SteadyRig(BoardProfile profile)
    {
        var rig = new BoardRig(profile, link: context => new IdleLink()).Healthy();
        rig.Board.MultiOn.Set(true); // status LED flashing: the LED scheduler's early cycles are part of the path
        return rig;
    }

    private static void Cycles(BoardRig rig, int count, bool publishCells)
    {
        var cells = rig.Board.CellData;
        for (var i = 0; i < count; i++)
        {
            if (publishCells) cells!.Publish(3.30, 3.35, 20);
            var delay = rig.Runner.RunCycle();
            rig.Clock.Advance(delay);
        }
    }

    public enum Scenario
    {
        BtvSignals,
        BatteryMonitor,
        BootLoaderRapidFlash,
    }

    [Theory]
    [InlineData(Scenario.BtvSignals)]
    [InlineData(Scenario.BatteryMonitor)]
    [InlineData(Scenario.BootLoaderRapidFlash)]
    public void A_control_cycle_allocates_nothing_in_steady_state(Scenario scenario)
    {
        var monitor = scenario == Scenario.BatteryMonitor;
        // The boot loader is the one state in which the LED scheduler wakes the loop between periods (every 33 ms).
        var rig = SteadyRig(scenario switch
        {
            Scenario.BatteryMonitor => BoardProfiles.MeadowF7FeatherV2In("BatteryMonitor"),
            Scenario.BootLoaderRapidFlash => BoardVariants.InBootLoader(),
            _ => BoardProfiles.MeadowF7FeatherV2,
        });
        rig.Runner.StartWatchdog();
        Cycles(rig, WarmUpCycles, monitor);
        var ledCyclesBefore = rig.Runner.Statistics.LedCycles;
        var loopAllocatedBefore = rig.Runner.Statistics.AllocatedBytes;

        var before = GC.GetAllocatedBytesForCurrentThread();
        Cycles(rig, MeasuredCycles, monitor);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var ledCycles = rig.Runner.Statistics.LedCycles - ledCyclesBefore;
        _output.WriteLine($"{scenario}: {MeasuredCycles} cycles ({ledCycles} of them for LED changes): {allocated} bytes allocated");
        Assert.Equal(0, allocated);
        // The loop's own allocation counter (the figure the board logs) agrees.
        Assert.Equal(loopAllocatedBefore, rig.Runner.Statistics.AllocatedBytes);
        Assert.Equal(0, rig.Runner.Statistics.Failures);
        if (scenario == Scenario.BootLoaderRapidFlash) Assert.True(ledCycles > MeasuredCycles / 2);
        else Assert.Equal(OutputLevel.High, rig.Atd.Level);
    }

    [Fact]
    public void A_control_cycle_is_measured_on_the_desktop_with_the_boards_code_path()
    {
        var rig = SteadyRig(BoardProfiles.MeadowF7FeatherV2);
        rig.Runner.StartWatchdog();
        Cycles(rig, WarmUpCycles, false);
        rig.Runner.Statistics.ResetWorst();
        var cyclesBefore = rig.Runner.Statistics.Cycles;
        var meanBefore = rig.Runner.Statistics.MeanMicroseconds;

        var started = Stopwatch.GetTimestamp();
        Cycles(rig, MeasuredCycles, false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var engine = new VeBusBmsV2Engine();
        var inputs = new VeBusBmsV2Inputs(3.30, 3.35, 20, 0, 13.2, true, 0, 0, 0, true, false, true, true, false);
        long now = 0;
        for (var i = 0; i < WarmUpCycles; i++) engine.Step(inputs, now += 100);
        var stepStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < MeasuredCycles; i++) engine.Step(inputs, now += 100);
        var stepElapsed = Stopwatch.GetElapsedTime(stepStarted);

        var s = rig.Runner.Statistics;
        var perCycleNs = elapsed.TotalMilliseconds * 1e6 / MeasuredCycles;
        var perStepNs = stepElapsed.TotalMilliseconds * 1e6 / MeasuredCycles;
        _output.WriteLine($"board cycle (loop + test driver): {perCycleNs:0} ns mean over {MeasuredCycles}");
        _output.WriteLine($"runner's own measure: mean {s.MeanMicroseconds:0.00} µs (all {s.Cycles} cycles, before: {meanBefore:0.00} µs over {cyclesBefore}), worst {s.WorstMicroseconds:0.0} µs");
        _output.WriteLine($"engine Step alone: {perStepNs:0} ns mean");
        _output.WriteLine($"Stopwatch frequency {Stopwatch.Frequency} Hz, {Environment.ProcessorCount} cores");

        // The figures are printed for docs/hardware.md, not asserted (no wall-clock assertions on a shared machine);
        // what must hold is that every cycle ran and none failed.
        Assert.Equal(cyclesBefore + MeasuredCycles, s.Cycles);
        Assert.Equal(0, s.Failures);
    }

    private sealed class IdleLink : ILinkService
    {
        public void Start()
        {
        }

        public void Stop()
        {
        }
    }
}
