using System;
using System.IO;
using System.Reflection;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Parsing;

namespace BmsRules.Simulation.Scenarios;

/// <summary>Loads scenarios from files or from the built-in default.</summary>
internal static class ScenarioLoader
{
    /// <summary>The resource name of the built-in default scenario (scenarios/default.yaml, embedded at build time).</summary>
    public const string DefaultResource = "BmsRules.Simulation.Scenarios.default.yaml";

    /// <summary>How the default scenario is named in messages.</summary>
    public const string DefaultName = "default.yaml (built-in)";

    /// <summary>Parses the file at <paramref name="path"/>; throws <see cref="ScenarioException"/> when it cannot be used.</summary>
    public static Scenario LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException(new[] { new ScenarioDiagnostic(path, 1, 1, $"Cannot read the scenario: {ex.Message}") });
        }
        return ScenarioParser.Parse(text, path);
    }

    /// <summary>Parses scenario text.</summary>
    public static Scenario LoadText(string text, string file) => ScenarioParser.Parse(text, file);

    /// <summary>The built-in default scenario's text.</summary>
    public static string DefaultText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The built-in scenario {DefaultResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The built-in default scenario.</summary>
    public static Scenario LoadDefault() => ScenarioParser.Parse(DefaultText(), DefaultName);
}
