using System.IO;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms graph</c>: DOT or Mermaid of the product's machines, on standard output or to a file.</summary>
public sealed class GraphCommandTests
{
    [Fact]
    public void Dot_is_the_default_format()
    {
        var (exitCode, output, _) = CommandLine.Run("graph");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("digraph \"VeBusBmsV2\" {", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_prints_a_state_diagram()
    {
        var (exitCode, output, _) = CommandLine.Run("graph", "--format", "mermaid");
        Assert.Equal(0, exitCode);
        Assert.Contains("\nstateDiagram-v2\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Output_option_writes_the_file_and_nothing_to_standard_output()
    {
        var file = Path.Combine(Path.GetTempPath(), "bms-graph-" + System.Guid.NewGuid().ToString("N") + ".dot");
        var (exitCode, output, _) = CommandLine.Run("graph", "-o", file);
        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("digraph", File.ReadAllText(file), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var (exitCode, _, error) = CommandLine.Run("graph", "--format", "svg");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("svg", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_product_is_refused_with_the_known_ones()
    {
        var (exitCode, _, error) = CommandLine.Run("graph", "--product", "SmallBms");
        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown product 'SmallBms'. Known: VeBusBmsV2.", error, System.StringComparison.Ordinal);
    }
}
