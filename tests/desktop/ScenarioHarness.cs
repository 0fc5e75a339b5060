using System;
using System.IO;
using BmsRules.Desktop.Commands;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Running;

namespace BmsRules.Desktop.Tests;

/// <summary>Runs scenario text or files the way `bms simulate` does, capturing output and exit code.</summary>
internal static class ScenarioHarness
{
    /// <summary>The scenario library copied next to the tests (same files as the repository's scenarios/).</summary>
    public static string LibraryDirectory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>Writes <paramref name="yaml"/> to a temporary file named <paramref name="name"/> and runs it.</summary>
    public static Outcome RunText(string yaml, string name = "test.yaml", SimulateCommand.Request? request = null)
    {
        var dir = Directory.CreateTempSubdirectory("bms-scenario-");
        try
        {
            var path = Path.Combine(dir.FullName, name);
            File.WriteAllText(path, yaml);
            return RunFile(path, request);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static Outcome RunFile(string path, SimulateCommand.Request? request = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SimulateCommand.Run((request ?? new SimulateCommand.Request(null)) with { ScenarioPath = path }, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>Parses and runs scenario text in memory.</summary>
    public static RunResult Run(string yaml, string file = "test.yaml") => ScenarioRunner.Run(ScenarioLoader.LoadText(yaml, file));

    /// <summary>The diagnostics of scenario text that must not load.</summary>
    public static ScenarioException Reject(string yaml, string file = "bad.yaml") =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, file));
}
