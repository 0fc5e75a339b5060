using System;
using System.IO;
using System.Linq;
using System.Reflection;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms audit</c>: the rule book, and the copy committed in docs/ kept identical to it.</summary>
public sealed class AuditCommandTests
{
    private static readonly string RepositoryRoot = typeof(AuditCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private static string RuleBook()
    {
        var (exitCode, output, error) = CommandLine.Run("audit", Path.Combine(RepositoryRoot, "spec", "rules.yaml"));
        Assert.True(exitCode == 0, error);
        return output;
    }

    [Fact]
    public void The_rule_book_lists_every_catalogue_id_with_the_rules_that_implement_it()
    {
        var book = RuleBook();
        Assert.Contains("| V2-01 | engine | input CellMinVoltage,", book, StringComparison.Ordinal);
        Assert.Contains("| V2-20 | out-of-scope | — |", book, StringComparison.Ordinal);
        Assert.Contains("| UndervoltageConfirmed | PreAlarm | LoadDisconnected | `Undervoltage` | PreAlarmMinimum |", book, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_of_the_rule_book_names_a_source_or_an_assumption()
    {
        var sections = RuleBook().Split("\n## ");
        foreach (var section in sections.Where(s => s.StartsWith("Inputs", StringComparison.Ordinal) || s.StartsWith("Thresholds", StringComparison.Ordinal)
                                                    || s.StartsWith("Signals", StringComparison.Ordinal) || s.StartsWith("Codes", StringComparison.Ordinal)))
        {
            var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Matches("(source|assumption): ", row));
        }
    }

    [Fact]
    public void The_rule_book_prints_the_boards_decisions_with_their_reasons()
    {
        var board = RuleBook().Split("\n## ").Single(s => s.StartsWith("Board: Meadow F7 Feather V2", StringComparison.Ordinal));
        Assert.Contains("| BtvSignals | yes | UseBtvSignals = true |", board, StringComparison.Ordinal);
        Assert.Contains("| RemoteLoopClosed | constant |  | false | all |", board, StringComparison.Ordinal);
        Assert.Contains("| Bootloader | constant |  | false | all |", board, StringComparison.Ordinal);
        Assert.Contains("| BatteryVoltage | adc | A00 | divider 220 kΩ / 10 kΩ | all |", board, StringComparison.Ordinal);
        Assert.Contains("| MultiOn | `MultiOn` by vebus-sync: a sync frame within 100 ms |", board, StringComparison.Ordinal);
        Assert.Contains("| watchdog | timeout 8 s, reset at most every 1 s, stall after 2 s, warm-up grace 5 s |", board, StringComparison.Ordinal);
        Assert.Contains("| control period | 100 ms |", board, StringComparison.Ordinal);
        Assert.Contains("| frames | on a flag change: immediate; before the first cycle: all-off |", board, StringComparison.Ordinal);
        foreach (var kind in new[] { "sensor-exception", "adc-scan-failed", "adc-full-scale", "bool-nan" }) Assert.Contains($"| {kind} |", board, StringComparison.Ordinal);
        var rows = board.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| mode |", StringComparison.Ordinal)
            && !l.StartsWith("| input |", StringComparison.Ordinal) && !l.StartsWith("| rule |", StringComparison.Ordinal) && !l.StartsWith("| reading |", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 + 14 + 5 + 4, rows.Count);
        Assert.All(rows, row => Assert.Matches("(source|assumption): ", row));
    }

    [Fact]
    public void The_committed_rule_book_is_the_one_the_spec_generates()
    {
        var committed = Path.Combine(RepositoryRoot, "docs", "rule-book.md");
        var generated = RuleBook();
        if (Environment.GetEnvironmentVariable("BMS_APPROVE") == "1") File.WriteAllText(committed, generated);
        Assert.True(File.Exists(committed) && File.ReadAllText(committed).Replace("\r\n", "\n") == generated,
            "docs/rule-book.md is out of date with spec/rules.yaml: run 'dotnet run --project src/Targets.Desktop -- audit -o docs/rule-book.md' " +
            "(or BMS_APPROVE=1 dotnet test tests/desktop) and commit it.");
    }

    [Fact]
    public void A_spec_with_errors_is_refused_with_exit_1()
    {
        var path = Path.Combine(Path.GetTempPath(), "bms-audit-" + Guid.NewGuid().ToString("N") + ".rules.yaml");
        File.WriteAllText(path, SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "duration: 30 s", "duration: 30"));
        var (exitCode, _, error) = CommandLine.Run("audit", path);
        Assert.Equal(1, exitCode);
        Assert.Contains("error BMS010", error, StringComparison.Ordinal);
    }
}
