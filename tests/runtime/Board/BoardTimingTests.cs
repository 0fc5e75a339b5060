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
        var rig = SteadyRig(monitor ? BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor : BoardProfiles.MeadowF7FeatherV2);
        if (scenario == Scenario.BootLoaderRapidFlash)
        {
            // The one state in which the LED scheduler wakes the loop between periods (every 33 ms).
            rig.Board.Engine.SetInput(rig.Board.Engine.Descriptor.Input("Bootloader"), 1);
        }
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
    public void A_control_cycle_takes_microseconds_on_the_desktop()
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

        // A generous bound: the point is the order of magnitude (µs on a desktop against a 100 ms period).
        Assert.True(perCycleNs < 200_000, $"{perCycleNs:0} ns per cycle");
        Assert.True(s.WorstMicroseconds < rig.Runner.PeriodMs * 1000, $"worst {s.WorstMicroseconds} µs");
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
