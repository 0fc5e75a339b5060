using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class LedBlinkSchedulerTests
{
    private static List<long> Intervals(IReadOnlyList<long> times) => times.Zip(times.Skip(1), (a, b) => b - a).ToList();

    [Fact]
    public void The_engine_descriptor_carries_each_led_patterns_timing()
    {
        var status = VeBusBmsV2Engine.Info.Tables[VeBusBmsV2Engine.Info.Table("StatusLed")];
        var shortFlash = status.Patterns[status.Values.ToList().IndexOf("ShortFlash")];
        var rapidFlash = status.Patterns[status.Values.ToList().IndexOf("RapidFlash")];
        Assert.Equal((10_000L, 100L), (shortFlash.PeriodMs, shortFlash.OnMs));
        Assert.Equal((66L, 33L), (rapidFlash.PeriodMs, rapidFlash.OnMs));
        Assert.False(status.Patterns[0].IsBlinking);
        Assert.Empty(VeBusBmsV2Engine.Info.Tables[VeBusBmsV2Engine.Info.Table("GxPowSource")].Patterns);
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    public void The_rapid_boot_loader_flash_changes_every_33_ms_although_the_loop_period_is_100_ms()
    {
        var rig = new BoardRig(BoardVariants.InBootLoader()).Healthy();
        rig.StatusLed.Clock = rig.Clock;
        rig.StatusLed.ChangeTimes = new List<long>();
        rig.Run(1_000);

        var intervals = Intervals(rig.StatusLed.ChangeTimes);
        Assert.True(intervals.Count >= 25, $"only {intervals.Count} changes");
        Assert.All(intervals, i => Assert.Equal(33, i));
        Assert.True(rig.Runner.Statistics.LedCycles > 0);
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    public void The_status_flash_is_lit_for_exactly_100_ms_every_10_s()
    {
        var rig = new BoardRig().Healthy();
        rig.Board.MultiOn.Set(true);
        rig.StatusLed.Clock = rig.Clock;
        rig.StatusLed.ChangeTimes = new List<long>();
        rig.Run(35_000);

        var times = rig.StatusLed.ChangeTimes;
        Assert.True(times.Count >= 6, $"only {times.Count} changes");
        var intervals = Intervals(times);
        for (var i = 0; i < intervals.Count; i++) Assert.Equal(i % 2 == 0 ? 100 : 9_900, intervals[i]);
    }

    [Fact]
    public void Steady_leds_never_wake_the_loop_early()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(5_000);
        Assert.Equal(0, rig.Runner.Statistics.LedCycles);
        Assert.Equal(50, rig.Runner.Statistics.Cycles);
    }

    [Fact]
    public void With_no_led_blinking_there_is_no_next_change()
    {
        var engine = new VeBusBmsV2Engine();
        var scheduler = new LedBlinkScheduler(engine, new[] { "StatusLed", "CellAbove2V8Led" });
        engine.Step(0);
        scheduler.Observe(0);
        Assert.Equal(long.MaxValue, scheduler.NextChange(0));
    }
}
