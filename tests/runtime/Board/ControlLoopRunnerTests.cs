using System;
using System.Threading;
using System.Threading.Tasks;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class ControlLoopRunnerTests
{
    private static bool HasCode(WiredBoard board, string code) =>
        (board.Engine.ActiveCodes & (1UL << board.Engine.Descriptor.Code(code))) != 0;

    [Fact]
    public void Every_terminal_floats_from_power_up_until_the_first_valid_battery_data()
    {
        var rig = new BoardRig().Healthy();
        Assert.All(rig.Io.Terminals.Values, t => Assert.Equal(OutputLevel.Floating, t.Level));

        rig.Scan.SetPinVolts("A00", 3.3); // battery sense clipped: no valid battery voltage
        rig.Run(4_000);
        Assert.All(rig.Io.Terminals.Values, t => Assert.False(t.WasEverHigh));
        Assert.True(HasCode(rig.Board, "I01"));

        rig.Scan.SetTerminalVolts("A00", 13.2);
        rig.Run(100);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
        Assert.Equal(OutputLevel.High, rig.Atc.Level);
        Assert.Equal(OutputLevel.Floating, rig.PreAlarm.Level);
    }

    [Fact]
    public void An_open_battery_sense_wire_reads_0_V_and_disconnects_with_E03()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);

        rig.Scan.SetTerminalVolts("A00", 0);
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
        Assert.True(HasCode(rig.Board, "E03"));
    }

    [Fact]
    public void A_terminal_that_throws_fails_the_cycle_without_stopping_the_loop_or_resetting_the_watchdog()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(rig.Runner.Watchdog!.WarmUpMs + 1_000); // past the start-up grace: from here a stall counts
        var resets = rig.Io.WatchdogFake.Resets;
        rig.Atc.Throws = new InvalidOperationException("GPIO write failed");

        rig.Run(3_000);

        Assert.Equal(30, rig.Runner.Statistics.Failures);
        Assert.Equal(resets, rig.Io.WatchdogFake.Resets);

        // The terminal works again, but 3 s without a good cycle is a stall: the watchdog stays unreset.
        rig.Atc.Throws = null;
        rig.Run(1_000);
        Assert.True(rig.Runner.Watchdog!.Stalled);
        Assert.Equal(resets, rig.Io.WatchdogFake.Resets);
    }

    [Fact]
    public void A_healthy_loop_enables_the_watchdog_under_32_s_and_resets_it_every_second()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(10_000);
        Assert.Equal(1, rig.Io.WatchdogFake.Enables);
        Assert.Equal(8_000, rig.Io.WatchdogFake.TimeoutMs);
        Assert.InRange(rig.Io.WatchdogFake.Resets, 10, 11);
        Assert.False(rig.Runner.Watchdog!.Stalled);
    }

    [Fact]
    public void A_slow_first_cycle_does_not_reset_the_board_on_every_boot()
    {
        var rig = new BoardRig().Healthy();
        var first = true;
        long firstStep = -1;
        rig.Scan.OnRefresh = () =>
        {
            if (!first) return;
            first = false;
            rig.Clock.Advance(4_000); // the first cycle's scan takes 4 s on the fake clock (first use of the drivers)
        };
        rig.Run(1);
        firstStep = rig.Board.Controller.LastStepTime;
        rig.Run(20_000);

        Assert.True(firstStep > rig.Runner.Watchdog!.StallAfterMs, $"first step at {firstStep} ms");
        Assert.False(rig.Runner.Watchdog.Stalled);
        Assert.InRange(rig.Io.WatchdogFake.Resets, 20, 22);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
    }

    [Fact]
    public void Without_a_watchdog_the_loop_runs_the_same()
    {
        var rig = new BoardRig(watchdog: false).Healthy();
        rig.Run(1_000);
        Assert.Null(rig.Runner.Watchdog);
        Assert.Equal(0, rig.Io.WatchdogFake.Enables);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
    }

    [Fact]
    public void The_next_cycle_is_due_one_period_after_the_start_of_this_one()
    {
        var rig = new BoardRig().Healthy();
        Assert.Equal(100, rig.Runner.RunCycle());
        rig.Clock.Advance(30);
        Assert.Equal(100, rig.Runner.RunCycle());
    }

    [Fact]
    public void The_loop_measures_its_worst_cycle_and_counts_overruns()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        rig.Scan.Delay = TimeSpan.FromMilliseconds(5);
        rig.Run(300);
        Assert.True(rig.Runner.Statistics.WorstMicroseconds >= 5_000, $"worst {rig.Runner.Statistics.WorstMicroseconds} µs");
        Assert.Equal(0, rig.Runner.Statistics.Overruns);

        rig.Scan.Delay = TimeSpan.FromMilliseconds(120);
        rig.Run(100);
        Assert.Equal(1, rig.Runner.Statistics.Overruns);
    }

    [Fact]
    public void A_late_start_is_measured_against_the_schedule()
    {
        var rig = new BoardRig().Healthy();
        var delay = rig.Runner.RunCycle();
        rig.Clock.Advance(delay + 40);
        rig.Runner.RunCycle();
        Assert.Equal(40, rig.Runner.Statistics.WorstStartLatenessMs);
    }

    [Fact]
    public void Run_stops_on_cancellation_and_leaves_every_output_floating()
    {
        var rig = new BoardRig().Healthy();
        using var cts = new CancellationTokenSource();
        var wait = new ClockWait(rig.Clock, cts, stopAfterMs: 2_000);
        rig.Board.Run(wait, cts.Token);

        Assert.True(rig.Atd.WasEverHigh);
        Assert.All(rig.Io.Terminals.Values, t => Assert.Equal(OutputLevel.Floating, t.Level));
        Assert.All(rig.Io.Leds.Values, l => Assert.False(l.Lit));
    }

    [Fact]
    public async Task The_real_loop_runs_on_its_own_thread_with_the_monotonic_clock()
    {
        var io = new FakeBoardIo();
        var board = BoardComposer.Compose(BoardProfiles.MeadowF7FeatherV2, io, new MonotonicClock());
        io.Scan!.SetTerminalVolts("A00", 13.2);
        io.Inputs["D10"].Level = false;
        io.Inputs["D11"].Level = false;
        using var cts = new CancellationTokenSource();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var loop = Task.Run(() => board.Run(new SleepWait(), cts.Token));
        // Wait for the loads to connect (remote debounce + a few cycles); generous on a busy machine.
        while (io.Terminals["D02"].Level != OutputLevel.High && elapsed.ElapsedMilliseconds < 15_000) await Task.Delay(50);
        var highWhileRunning = io.Terminals["D02"].Level;
        cts.Cancel();
        await loop;
        elapsed.Stop();

        Assert.Equal(OutputLevel.High, highWhileRunning);
        // The loop is paced by its period (100 ms): it never runs faster than that.
        Assert.InRange(board.Runner.Statistics.Cycles, 3, elapsed.ElapsedMilliseconds / 100 + 2);
        Assert.Equal(OutputLevel.Floating, io.Terminals["D02"].Level);
    }

    [Fact]
    public void The_loop_counts_what_a_cycle_allocates_so_the_board_can_report_it()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        Assert.Equal(0, rig.Runner.Statistics.AllocatedBytes);

        rig.Atc.AllocateOnSet = 1_000; // an adapter that allocates on every write, as a platform call might
        rig.Run(1_000);

        Assert.Equal(10, rig.Runner.Statistics.AllocatingCycles);
        Assert.InRange(rig.Runner.Statistics.AllocatedBytes, 10 * 1_000, 10 * 1_200);
    }

    /// <summary>Waits by moving the manual clock; cancels after a while so Run returns.</summary>
    private sealed class ClockWait : ILoopWait
    {
        private readonly ManualClock _clock;
        private readonly CancellationTokenSource _cts;
        private readonly long _stopAt;

        public ClockWait(ManualClock clock, CancellationTokenSource cts, long stopAfterMs)
        {
            _clock = clock;
            _cts = cts;
            _stopAt = clock.NowMilliseconds + stopAfterMs;
        }

        public void Wait(int milliseconds, CancellationToken token)
        {
            _clock.Advance(milliseconds);
            if (_clock.NowMilliseconds >= _stopAt) _cts.Cancel();
        }
    }
}
