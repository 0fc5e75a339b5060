using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BmsRules.Generator;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Desktop.Commands;

/// <summary>Finds spec/rules.yaml when no path is given: from the current directory upwards.</summary>
internal static class SpecLocator
{
    public const string RelativePath = "spec/rules.yaml";

    /// <summary>The spec path to use, or null when none is found.</summary>
    public static string? Find(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return given;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Finds and reads the spec for <paramref name="command"/>. On failure writes why to <paramref name="error"/>
    /// and returns false (the command then exits 2).
    /// </summary>
    public static bool TryRead(string? given, string command, TextWriter error, out string path, out string text)
    {
        text = "";
        path = Find(given) ?? "";
        if (path.Length == 0)
        {
            error.WriteLine($"bms {command}: no spec given and no {RelativePath} found from {Directory.GetCurrentDirectory()} upwards.");
            return false;
        }
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            error.WriteLine($"bms {command}: cannot read '{path}': {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// The files the build gives the generator beside a spec: the behaviour catalogues in its folder (<c>catalogue.yaml</c>,
    /// <c>*.catalogue.yaml</c>). A spec that names a catalogue missing here is reported by the compiler (BMS030).
    /// </summary>
    public static EquatableArray<SpecFile> Companions(string specPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? ".";
        var files = new List<SpecFile>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (!RulesGenerator.IsCatalogue(file)) continue;
            try
            {
                files.Add(new SpecFile(file, File.ReadAllText(file)));
            }
            catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
            {
                // Unreadable: the compiler then reports the catalogue as not given, at the spec's catalogue: line.
            }
        }
        return files.ToEquatableArray();
    }

    /// <summary>The spec's folder and file name ("spec/rules.yaml"): stable wherever the tool runs, so outputs can be compared.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(full) : folder + "/" + Path.GetFileName(full);
    }
}
