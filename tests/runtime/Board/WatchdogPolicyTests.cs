using System;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class WatchdogPolicyTests
{
    private const int WarmUp = (int)VeBusBmsV2Board.WatchdogWarmUpMilliseconds;

    private static (WatchdogPolicy Policy, FakeWatchdog Watchdog) Create(int warmUpMs = WarmUp)
    {
        var watchdog = new FakeWatchdog();
        return (new WatchdogPolicy(watchdog, timeoutMs: 8_000, resetIntervalMs: 1_000, stallAfterMs: 2_000, warmUpMs: warmUpMs), watchdog);
    }

    /// <summary>Starts the policy at 0 and runs good cycles every 100 ms until <paramref name="until"/>.</summary>
    private static void RunGood(WatchdogPolicy policy, long from, long until)
    {
        for (var t = from; t <= until; t += 100) policy.CycleCompleted(t, outputsDriven: true);
    }

    [Fact]
    public void The_policy_takes_the_spec_boards_watchdog_timing()
    {
        var policy = new WatchdogPolicy(new FakeWatchdog(), BoardProfiles.MeadowF7FeatherV2.Timing);
        Assert.Equal(VeBusBmsV2Board.WatchdogTimeoutMilliseconds, policy.TimeoutMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogResetIntervalMilliseconds, policy.ResetIntervalMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogStallAfterMilliseconds, policy.StallAfterMs);
        Assert.Equal(VeBusBmsV2Board.WatchdogWarmUpMilliseconds, policy.WarmUpMs);
    }

    [Theory]
    [InlineData(32_768)]
    [InlineData(0)]
    public void A_timeout_the_F7_watchdog_cannot_count_is_refused(int timeoutMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPolicy(new FakeWatchdog(), timeoutMs, 1_000, 2_000, 0));

    [Fact]
    public void The_reset_interval_must_leave_room_for_the_LSI_clock_tolerance() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPolicy(new FakeWatchdog(), 8_000, 2_001, 3_000, 0));

    [Fact]
    public void A_warm_up_that_outlasts_the_earliest_watchdog_expiry_is_refused()
    {
        // 8 s nominal may end after 8000 × 32/47 = 5446 ms.
        _ = new WatchdogPolicy(new FakeWatchdog(), 8_000, 1_000, 2_000, 5_446);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPolicy(new FakeWatchdog(), 8_000, 1_000, 2_000, 5_447));
    }

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
        RunGood(policy, 100, 10_000);
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
    public void A_slow_first_cycle_within_the_warm_up_grace_keeps_the_watchdog_reset()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        Assert.True(policy.CycleCompleted(4_500, outputsDriven: true)); // the first cycle took 4.5 s: JIT, first ADC scan
        RunGood(policy, 4_600, 20_000);
        Assert.False(policy.Stalled);
        Assert.Equal(1 + 1 + 15, watchdog.Resets);
    }

    [Fact]
    public void Without_the_warm_up_grace_the_same_slow_first_cycle_would_reset_the_board_on_every_boot()
    {
        var (policy, watchdog) = Create(warmUpMs: 0);
        policy.Start(0);
        Assert.False(policy.CycleCompleted(4_500, outputsDriven: true));
        RunGood(policy, 4_600, 20_000);
        Assert.True(policy.Stalled);
        Assert.Equal(1, watchdog.Resets);
    }

    [Fact]
    public void A_first_cycle_that_outlasts_the_grace_is_a_stall()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        Assert.False(policy.CycleCompleted(WarmUp + 1, outputsDriven: true));
        Assert.True(policy.Stalled);
        Assert.Equal(1, watchdog.Resets);
    }

    [Fact]
    public void A_loop_that_stalls_after_the_warm_up_then_resumes_is_no_longer_trusted_and_the_board_resets()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        RunGood(policy, 100, 6_000);
        var resets = watchdog.Resets;

        policy.CycleCompleted(8_500, outputsDriven: true); // 2.5 s without a good cycle
        RunGood(policy, 8_600, 20_000);

        Assert.True(policy.Stalled);
        Assert.Equal(2_500, policy.StallGapMs);
        Assert.Equal(resets, watchdog.Resets);
    }

    [Fact]
    public void Failing_cycles_for_longer_than_the_stall_limit_after_the_warm_up_also_end_the_resets()
    {
        var (policy, watchdog) = Create();
        policy.Start(0);
        RunGood(policy, 100, 6_000);
        var resets = watchdog.Resets;
        for (long t = 6_100; t <= 8_500; t += 100) policy.CycleCompleted(t, outputsDriven: false);
        policy.CycleCompleted(8_600, outputsDriven: true);
        Assert.True(policy.Stalled);
        Assert.Equal(resets, watchdog.Resets);
    }
}
