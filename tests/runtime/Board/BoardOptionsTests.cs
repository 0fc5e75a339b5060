using System;
using System.Collections.Generic;
using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class BoardOptionsTests
{
    [Fact]
    public void Without_settings_the_board_uses_btv_signals_and_the_watchdog()
    {
        var options = BoardOptions.From(null);
        Assert.Same(BoardProfiles.MeadowF7FeatherV2, options.Profile);
        Assert.True(options.Watchdog);
    }

    [Fact]
    public void The_battery_monitor_board_and_a_bench_without_watchdog_can_be_chosen()
    {
        var options = BoardOptions.From(new Dictionary<string, string> { [BoardOptions.BatteryDataKey] = "BatteryMonitor", [BoardOptions.WatchdogKey] = "False" });
        Assert.Same(BoardProfiles.MeadowF7FeatherV2WithBatteryMonitor, options.Profile);
        Assert.False(options.Watchdog);
    }

    [Theory]
    [InlineData(BoardOptions.BatteryDataKey, "Cells")]
    [InlineData(BoardOptions.WatchdogKey, "off")]
    public void A_value_that_is_not_understood_fails_the_start_up(string key, string value) =>
        Assert.Throws<ArgumentException>(() => BoardOptions.From(new Dictionary<string, string> { [key] = value }));
}
