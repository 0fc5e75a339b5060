using System.Collections.Generic;
using System.IO;
using System.Linq;
using BmsRules.Simulation.Scenarios;

namespace BmsRules.Desktop.Tests.Scenarios;

public class ScenarioLibraryTests
{
    public static IEnumerable<object[]> LibraryFiles() =>
        Directory.GetFiles(ScenarioHarness.LibraryDirectory, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f)
            .Select(f => new object[] { Path.GetRelativePath(ScenarioHarness.LibraryDirectory, f) });

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Every_scenario_in_the_library_passes_all_its_expectations(string file)
    {
        var outcome = ScenarioHarness.RunFile(Path.Combine(ScenarioHarness.LibraryDirectory, file),
            new BmsRules.Desktop.Commands.SimulateCommand.Request(null, Quiet: true));

        Assert.True(outcome.ExitCode == 0, $"{file} exited {outcome.ExitCode}:\n{outcome.Error}\n{outcome.Output}");
        Assert.Contains("expectations hold", outcome.Output);
    }

    [Fact]
    public void The_library_has_at_least_one_scenario_for_each_catalogue_id_the_engine_or_simulator_implements()
    {
        var covered = new HashSet<string>();
        foreach (var file in Directory.GetFiles(ScenarioHarness.LibraryDirectory, "*.yaml"))
        {
            var scenario = ScenarioLoader.LoadFile(file);
            Assert.NotEmpty(scenario.Expectations);
            covered.UnionWith(scenario.Covers);
        }
        var missing = Enumerable.Range(1, 19).Select(i => $"V2-{i:00}").Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "No scenario covers " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_library_file_is_named_after_what_it_covers_or_is_a_system_scenario()
    {
        foreach (var file in Directory.GetFiles(ScenarioHarness.LibraryDirectory, "*.yaml"))
        {
            var name = Path.GetFileName(file);
            var scenario = ScenarioLoader.LoadFile(file);
            if (!name.StartsWith("v2-", System.StringComparison.Ordinal)) continue;
            var id = "V2-" + name.Substring(3, 2);
            Assert.Contains(id, scenario.Covers);
        }
    }
}
