using System;
using System.Linq;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms bench</c>: its output format, its zero-allocation result and its option checking.</summary>
public sealed class BenchCommandTests
{
    private const string StepLine = @"^step: \d+\.\d ns/op, 0 B/op, \d+\.\d{2}x hand-written baseline$";

    [Fact]
    public void Bench_prints_the_step_line_first_with_zero_bytes_per_step_then_one_row_per_workload()
    {
        var (exitCode, output, error) = CommandLine.Run("bench", "--steps", "20000");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Matches(StepLine, lines[0]);
        foreach (var workload in new[] { "generated typed", "generated index-based", "hand-written", "controller" })
        {
            var row = Assert.Single(lines, l => l.TrimStart().StartsWith(workload, StringComparison.Ordinal));
            Assert.Matches(@"\s\d+\.\d\s+0\s+\d+\.\d{2}x$", row);
        }
        Assert.Contains("20,000 steps", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    [InlineData("99999999999")]
    public void Bench_rejects_a_step_count_that_is_not_a_positive_whole_number(string steps)
    {
        var (exitCode, output, error) = CommandLine.Run("bench", "--steps", steps);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"--steps must be a positive whole number of steps per round, not '{steps}'", error, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?m)^step: ", output); // nothing was measured
    }

    [Fact]
    public void Bench_help_explains_what_is_measured()
    {
        var (exitCode, output, _) = CommandLine.Run("bench", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("hand-written", output, StringComparison.Ordinal);
        Assert.Contains("index-based", output, StringComparison.Ordinal);
        Assert.Contains("controller tick", output, StringComparison.Ordinal);
        Assert.Contains("GetAllocatedBytesForCurrentThread", output, StringComparison.Ordinal);
        Assert.Contains("--steps", output, StringComparison.Ordinal);
    }
}
