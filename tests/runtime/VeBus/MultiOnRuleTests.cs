using System;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>The spec's MultiOn rule, the one the board's link service and the simulator both apply.</summary>
public sealed class MultiOnRuleTests
{
    [Fact]
    public void The_rule_takes_its_window_from_the_spec_board()
    {
        Assert.Equal(100, VeBusBmsV2Board.MultiOnWithinMilliseconds);
        Assert.Equal(VeBusBmsV2Board.MultiOnWithinMilliseconds, MultiOnRule.Of(VeBusBmsV2Board.Info).WithinMilliseconds);
    }

    [Fact]
    public void The_multi_is_off_until_a_sync_is_seen_and_off_again_when_the_window_passes_without_one()
    {
        var rule = new MultiOnRule(100);
        Assert.False(rule.IsOn(0));
        rule.SyncSeen(1_000);
        Assert.True(rule.IsOn(1_000));
        Assert.True(rule.IsOn(1_100));
        Assert.False(rule.IsOn(1_101));
        rule.SyncSeen(1_120);
        Assert.True(rule.IsOn(1_200));
    }

    [Fact]
    public void An_older_sync_reported_late_does_not_move_the_window_back()
    {
        var rule = new MultiOnRule(100);
        rule.SyncSeen(1_000);
        rule.SyncSeen(900);
        Assert.True(rule.IsOn(1_100));
    }

    [Fact]
    public void Forgetting_makes_the_multi_off_until_the_next_sync()
    {
        var rule = new MultiOnRule(100);
        rule.SyncSeen(1_000);
        rule.Forget();
        Assert.False(rule.IsOn(1_000));
    }

    [Fact]
    public void A_window_must_be_positive() => Assert.Throws<ArgumentOutOfRangeException>(() => new MultiOnRule(0));
}
