using System;
using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class WatchdogPolicyTests
{
    private static (WatchdogPolicy Policy, FakeWatchdog Watchdog) Create()
    {
        var watchdog = new FakeWatchdog();
        return (new WatchdogPolicy(watchdog, timeoutMs: 8_000, resetIntervalMs: 1_000, stallAfterMs: 2_000), watchdog);
    }

    [Theory]
    [InlineData(32_768)]
    [InlineData(0)]
    public void A_timeout_the_F7_watchdog_cannot_count_is_refused(int timeoutMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPolicy(new FakeWatchdog(), timeoutMs, 1_000, 2_000));

    [Fact]
    public void The_reset_interval_must_leave_room_for_the_LSI_clock_tolerance() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPolicy(new FakeWatchdog(), 8_000, 2_001, 3_000));

    [Fact]
    public void Nothing_is_reset_before_the_watchdog_is_enabled()
    {
        var (policy, watchdog) = Create();
        Assert.False(policy.CycleCompleted(5_000, outputsDriven: true));
        Assert.Equal(0, watchdog.Resets);
    }

    [Fact]
    public void Start_enables_the_watchdog_with_the_timeout()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        Assert.Equal(1, watchdog.Enables);
        Assert.Equal(8_000, watchdog.TimeoutMs);
        Assert.Equal(1, watchdog.Resets);
    }

    [Fact]
    public void Good_cycles_reset_the_watchdog_at_most_once_per_interval()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        for (long t = 100; t <= 10_000; t += 100) policy.CycleCompleted(t, outputsDriven: true);
        Assert.Equal(1 + 10, watchdog.Resets);
    }

    [Fact]
    public void A_cycle_that_did_not_drive_the_outputs_never_resets_the_watchdog()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        for (long t = 100; t <= 10_000; t += 100) policy.CycleCompleted(t, outputsDriven: false);
        Assert.Equal(1, watchdog.Resets);
    }

    [Fact]
    public void A_loop_that_stalls_then_resumes_is_no_longer_trusted_and_the_board_resets()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        policy.CycleCompleted(1_000, outputsDriven: true);
        var resets = watchdog.Resets;

        policy.CycleCompleted(3_500, outputsDriven: true); // 2.5 s without a good cycle
        for (long t = 3_600; t <= 20_000; t += 100) policy.CycleCompleted(t, outputsDriven: true);

        Assert.True(policy.Stalled);
        Assert.Equal(2_500, policy.StallGapMs);
        Assert.Equal(resets, watchdog.Resets);
    }

    [Fact]
    public void Failing_cycles_for_longer_than_the_stall_limit_also_end_the_resets()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        for (long t = 100; t <= 2_500; t += 100) policy.CycleCompleted(t, outputsDriven: false);
        policy.CycleCompleted(2_600, outputsDriven: true);
        Assert.True(policy.Stalled);
        Assert.Equal(1, watchdog.Resets);
    }
}
