using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Tests.Control;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The board's options from app.config.yaml, read the way Meadow reads it (<see cref="MeadowAppConfig"/>): inline
/// comments and quotes are handled, options Meadow read outside their section and values not understood refuse the
/// start-up with one clear log line.
/// </summary>
public sealed class BoardOptionsTests
{
    private static string AppConfig => RepositoryFiles.Read("src/Targets.Meadow/app.config.yaml");

    private static (BoardOptions? Options, Exception? Refused, RecordingLogger Log) Read(string appConfigText)
    {
        var log = new RecordingLogger();
        try
        {
            return (BoardOptions.From(MeadowAppConfig.Parse(appConfigText), log), null, log);
        }
        catch (ArgumentException e)
        {
            return (null, e, log);
        }
    }

    private static string WithOptions(string options) =>
        AppConfig[..AppConfig.IndexOf("BmsRules:\n", StringComparison.Ordinal)] + "BmsRules:\n" + options;

    [Fact]
    public void Without_settings_the_board_runs_the_spec_boards_default_input_mode_and_the_watchdog()
    {
        var options = BoardOptions.From(null);
        Assert.Same(BoardProfiles.MeadowF7FeatherV2, options.Profile);
        Assert.Equal(VeBusBmsV2Board.DefaultInputMode, options.Profile.Mode.Name);
        Assert.True(options.Watchdog);
    }

    [Fact]
    public void The_shipped_app_config_reads_as_the_spec_boards_default_mode_with_the_watchdog_and_nothing_to_say()
    {
        var (options, refused, log) = Read(AppConfig);
        Assert.Null(refused);
        Assert.Equal(VeBusBmsV2Board.DefaultInputMode, options!.Profile.Mode.Name);
        Assert.True(options.Watchdog);
        Assert.Empty(log.Entries);
        Assert.Equal(VeBusBmsV2Board.DefaultInputMode, MeadowAppConfig.Parse(AppConfig)[BoardOptions.BatteryDataKey]);
    }

    [Fact]
    public void Each_input_mode_of_the_spec_and_a_bench_without_watchdog_can_be_chosen()
    {
        foreach (var mode in VeBusBmsV2Board.Info.Modes)
        {
            var options = BoardOptions.From(new Dictionary<string, string> { [BoardOptions.BatteryDataKey] = mode.Name, [BoardOptions.WatchdogKey] = "False" });
            Assert.Equal(mode.Name, options.Profile.Mode.Name);
            Assert.False(options.Watchdog);
        }
    }

    [Fact]
    public void An_inline_comment_that_Meadow_keeps_in_the_value_is_removed_and_said_so()
    {
        var text = WithOptions("  BatteryData: BatteryMonitor   # a serial monitor on COM1\n  Watchdog: false  # bench only\n");
        Assert.Equal("false  # bench only", MeadowAppConfig.Parse(text)[BoardOptions.WatchdogKey]); // what Meadow hands over

        var (options, refused, log) = Read(text);

        Assert.Null(refused);
        Assert.False(options!.Watchdog);
        Assert.Equal("BatteryMonitor", options.Profile.Mode.Name);
        Assert.Equal(2, log.Entries.Count);
        Assert.All(log.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains(log.Entries, e => e.Message.Contains("BmsRules.Watchdog: the inline comment '# bench only' is not part of the value", StringComparison.Ordinal));
    }

    [Fact]
    public void Quotes_that_Meadow_keeps_in_the_value_are_removed()
    {
        var (options, refused, _) = Read(WithOptions("  BatteryData: \"BatteryMonitor\"\n  Watchdog: 'true'\n"));
        Assert.Null(refused);
        Assert.Equal("BatteryMonitor", options!.Profile.Mode.Name);
        Assert.True(options.Watchdog);
    }

    [Fact]
    public void A_tab_indented_option_that_Meadow_reads_outside_its_section_refuses_the_start_up_with_one_clear_line()
    {
        var text = WithOptions("  BatteryData: BtvSignals\n\tWatchdog: false\n");
        Assert.False(MeadowAppConfig.Parse(text).ContainsKey(BoardOptions.WatchdogKey)); // Meadow would drop it silently

        var (options, refused, log) = Read(text);

        Assert.Null(options);
        Assert.NotNull(refused);
        var line = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Contains("'Watchdog' was read as '.Watchdog', outside the BmsRules section", line.Message);
        Assert.Contains("only spaces as indentation", line.Message);
        Assert.Contains("every output stays floating", line.Message);
    }

    [Fact]
    public void A_key_with_a_tab_in_it_refuses_the_start_up() =>
        Assert.Contains("contains a tab", RefusedMessage(new Dictionary<string, string> { ["BmsRules.\tWatchdog"] = "false" }));

    [Theory]
    [InlineData("  Watchdogs: true\n", "'BmsRules.Watchdogs' is not a BmsRules option")]
    [InlineData("  BatteryData: Cells\n", "BmsRules.BatteryData must be an input mode of the board (BtvSignals or BatteryMonitor), not 'Cells'")]
    [InlineData("  Watchdog: off\n", "BmsRules.Watchdog must be true or false, not 'off'")]
    public void An_option_or_value_that_is_not_understood_refuses_the_start_up_with_one_clear_line(string options, string expected)
    {
        var (_, refused, log) = Read(WithOptions(options));
        Assert.NotNull(refused);
        Assert.Contains(expected, Assert.Single(log.Entries, e => e.Level == LogLevel.Critical).Message);
        Assert.Contains(expected, refused!.Message);
    }

    private static string RefusedMessage(Dictionary<string, string> settings)
    {
        var log = new RecordingLogger();
        Assert.Throws<ArgumentException>(() => BoardOptions.From(settings, log));
        return log.Entries.Single().Message;
    }
}
