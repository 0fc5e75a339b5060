using System.Linq;
using System.Text.RegularExpressions;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Introspection;
using Xunit;

namespace BmsRules.Runtime.Tests.Introspection;

public sealed class GraphExportTests
{
    private static readonly EngineDescriptor Info = VeBusBmsV2Engine.Info;

    [Fact]
    public void Dot_has_a_cluster_per_machine_and_an_edge_per_transition_between_declared_nodes()
    {
        var dot = GraphExport.ToDot(Info);
        Assert.StartsWith("digraph \"VeBusBmsV2\" {", dot);
        Assert.EndsWith("}\n", dot);
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));

        var declared = Regex.Matches(dot, "^    (\"[^\"]+\") \\[", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var edges = Regex.Matches(dot, "^    (\"[^\"]+\") -> (\"[^\"]+\")", RegexOptions.Multiline).ToList();
        Assert.Equal(Info.Machines.Sum(m => m.Transitions.Count + 1), edges.Count);
        Assert.All(edges, e =>
        {
            Assert.Contains(e.Groups[1].Value, declared);
            Assert.Contains(e.Groups[2].Value, declared);
        });
        foreach (var machine in Info.Machines) Assert.Contains($"subgraph \"cluster_{machine.Name}\"", dot);
        Assert.Contains("label=\"UndervoltageConfirmed\\nUndervoltage after PreAlarmMinimum (30 s)\"", dot);
    }

    [Fact]
    public void Mermaid_is_a_state_diagram_with_one_composite_state_per_machine_and_escaped_labels()
    {
        var mermaid = GraphExport.ToMermaid(Info);
        Assert.Contains("\nstateDiagram-v2\n", mermaid);
        foreach (var machine in Info.Machines) Assert.Contains($"    state {machine.Name} {{", mermaid);
        var transitions = mermaid.Split('\n').Where(l => l.Contains(" --> ") && !l.Contains("[*]")).ToList();
        Assert.Equal(Info.Machines.Sum(m => m.Transitions.Count), transitions.Count);
        // After the ' : ' that starts a label, nothing but entity codes (#lt; …) may look like Mermaid syntax.
        Assert.All(transitions, line => Assert.DoesNotMatch("[<>;:{}&]",
            Regex.Replace(line[(line.IndexOf(" : ", System.StringComparison.Ordinal) + 3)..], "#[a-z0-9]+;", "")));
        Assert.Contains("System.On #amp;#amp; Health.Ok", mermaid);
        Assert.Contains("System_Starting --> System_On : RemoteConfirmed [RemoteOn after RemoteOnDebounce (500 ms)]", mermaid);
    }

    [Theory]
    [InlineData(500, "500 ms")]
    [InlineData(30_000, "30 s")]
    [InlineData(90_500, "90500 ms")]
    [InlineData(120_000, "2 min")]
    [InlineData(5_400_000, "90 min")]
    [InlineData(10_800_000, "3 h")]
    public void Durations_are_shown_in_their_shortest_exact_unit(long ms, string text) => Assert.Equal(text, Durations.Format(ms));
}
