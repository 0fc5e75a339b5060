using System;
using System.IO;
using System.Linq;
using BmsRules.Testing;
using BmsRules.Desktop.Tests.Infrastructure;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms audit</c>: the rule book, and the copy committed in docs/ kept identical to it.</summary>
public sealed class AuditCommandTests
{
    private static string RuleBook()
    {
        var (exitCode, output, error) = CommandLine.Run("audit", Repository.Spec);
        Assert.True(exitCode == 0, error);
        return output;
    }

    [Fact]
    public void The_rule_book_lists_every_catalogue_id_with_the_rules_that_implement_it()
    {
        var book = RuleBook();
        Assert.Contains("| V2-01 | Pre-alarm output: normally floating, high on imminent cell undervoltage; default 3.1 V/cell, adjustable 2.85–3.15 V; " +
                        "at least 30 s between pre-alarm and load disconnect; no GX notification | engine | input CellMinVoltage,", book, StringComparison.Ordinal);
        Assert.Contains("| out-of-scope | — |", book, StringComparison.Ordinal);
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
        var committed = Path.Combine(Repository.Root, "docs", "rule-book.md");
        var generated = RuleBook();
        if (Environment.GetEnvironmentVariable("BMS_APPROVE") == "1") File.WriteAllText(committed, generated);
        Assert.True(File.Exists(committed) && File.ReadAllText(committed).Replace("\r\n", "\n") == generated,
            "docs/rule-book.md is out of date with spec/rules.yaml: run 'dotnet run --project src/Targets.Desktop -- audit -o docs/rule-book.md' " +
            "(or BMS_APPROVE=1 dotnet test tests/desktop) and commit it.");
    }

    [Fact]
    public void The_rule_book_lists_the_documents_sources_cite_by_short_name_and_file()
    {
        Assert.Contains("| V2-manual | 001_27e9df261b5157fa.txt | VE.Bus BMS V2 product manual (English) | Rev 04 - 10/2023 |", RuleBook(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_book_of_a_product_built_on_modules_names_where_each_rule_is_defined()
    {
        var fixture = Repository.ModulesFixture;
        var (exitCode, book, error) = CommandLine.Run("audit", fixture, "--product", "LargeBms");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Built on the module(s) CellCore", book, StringComparison.Ordinal);
        Assert.Contains("| module CellCore | CellVoltage | number |", book, StringComparison.Ordinal);
        Assert.Contains("| LargeBms | ServiceMode | bool |", book, StringComparison.Ordinal);
        Assert.Contains("| LargeBms (overrides CellCore) | CellLow | CellVoltage | <= 2.9 V | >= 3.2 V |", book, StringComparison.Ordinal);
        Assert.Contains("| LargeBms (overrides CellCore) | 2 | SwitchOn | Off | On | `Healthy && !ServiceMode` | Debounce |", book, StringComparison.Ordinal);
        // Sources cite short names; the book shows the files.
        Assert.Contains("source: bms-manual.txt §7 Large banks (cut-off 2.9 V)", book, StringComparison.Ordinal);
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
