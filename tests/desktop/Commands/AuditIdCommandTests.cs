using System;
using System.IO;
using System.Linq;
using BmsRules.Generator;
using BmsRules.Generator.Emit;
using BmsRules.Testing;
using BmsRules.Desktop.Tests.Infrastructure;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms audit --id</c>: one command from a catalogue id to its text, spec rules, generated code and tests.</summary>
public sealed class AuditIdCommandTests
{
    private static string Report(string id)
    {
        var (exitCode, output, error) = CommandLine.Run("audit", Repository.Spec, "--id", id);
        Assert.True(exitCode == 0, error);
        return output;
    }

    [Fact]
    public void It_prints_the_behaviour_as_the_catalogue_states_it_and_where_the_documents_say_it()
    {
        var report = Report("V2-12");
        Assert.StartsWith("V2-12: \"Cell > 4 V\" LED (red): on when ATC is low because of cell overvoltage or (high) temperature\n", report, StringComparison.Ordinal);
        Assert.Contains("stated in: 000, 001 §5.2 = 000_2a36912e689b10ac.txt; 001_27e9df261b5157fa.txt §5.2", report, StringComparison.Ordinal);
        Assert.Contains("VeBusBmsV2: handled by engine", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_spec_rule_is_named_with_its_line_and_the_generated_line_that_carries_its_trace()
    {
        var text = File.ReadAllText(Repository.Spec);
        var specLine = text[..text.IndexOf("- name: CellAbove4VLed", StringComparison.Ordinal)].Split('\n').Length;
        var report = Report("V2-12");

        var row = report.Split('\n').Single(l => l.TrimStart().StartsWith("LED CellAbove4VLed", StringComparison.Ordinal));
        Assert.Contains($"spec/rules.yaml:{specLine} → VeBusBmsV2.g.cs:", row, StringComparison.Ordinal);
        var generatedLine = int.Parse(row[(row.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // The generated line is the one the build emits for that rule: it carries the rule's trace marker.
        var compilation = SpecCompiler.Compile(Repository.Spec, text, SpecFiles.Companions());
        var source = GeneratedSources.Of(compilation).Single(s => s.HintName == "VeBusBmsV2.g.cs").Text.Split('\n');
        Assert.Contains(TraceMarker.Prefix("rules.yaml", specLine) + " · V2-12]", source[generatedLine - 1], StringComparison.Ordinal);
        Assert.Contains("CellAbove4VLedLookup", source[generatedLine - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void It_lists_the_tests_that_carry_the_id_and_the_scenarios_that_cover_it()
    {
        var report = Report("V2-12");
        var tests = report[report.IndexOf("tests carrying [Trait(\"Covers\", \"V2-12\")]:", StringComparison.Ordinal)..];
        Assert.Matches(@"\n  tests/[^\n]+\.cs:\d+  \w+\.\w+", tests);
        Assert.DoesNotContain("  none", tests, StringComparison.Ordinal);
        Assert.Contains("scenarios/v2-12-cell-4v-led.yaml", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_the_catalogue_has_but_no_product_lists_says_so()
    {
        var report = Report("NG-05");
        Assert.StartsWith("NG-05: Discharge floor (default 10 %, 0 disables): reached → low-SoC alarm, ATD off at once", report, StringComparison.Ordinal);
        Assert.Contains("No product of spec/rules.yaml lists NG-05 in its catalogue.", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_exits_2_with_a_clear_message()
    {
        var (exitCode, _, error) = CommandLine.Run("audit", Repository.Spec, "--id", "V2-99");
        Assert.Equal(2, exitCode);
        Assert.Contains("'V2-99' is neither in the behaviour catalogue nor in a product's catalogue of spec/rules.yaml", error, StringComparison.Ordinal);
    }
}
