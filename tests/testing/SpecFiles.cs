using System;
using System.IO;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Testing;

/// <summary>The repository's spec, as copied next to the test assemblies.</summary>
public static class SpecFiles
{
    /// <summary>Path of the copy of spec/rules.yaml in the test output folder.</summary>
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "spec", "rules.yaml");

    /// <summary>The text of spec/rules.yaml.</summary>
    public static string ReadRules() => File.ReadAllText(RulesPath);

    /// <summary>Path of the copy of spec/catalogue.yaml (the behaviour catalogue the spec names) in the test output folder.</summary>
    public static string CataloguePath => Path.Combine(AppContext.BaseDirectory, "spec", "catalogue.yaml");

    /// <summary>The behaviour catalogue as the build gives it to the generator: its path and text.</summary>
    public static SpecFile Catalogue() => LazyCatalogue.Value;

    private static readonly Lazy<SpecFile> LazyCatalogue = new(() => new SpecFile(CataloguePath, File.ReadAllText(CataloguePath)));

    /// <summary>The files the build gives the generator beside a spec (the catalogue), for <see cref="SpecCompiler"/>.</summary>
    public static EquatableArray<SpecFile> Companions() => new(new[] { Catalogue() });

    /// <summary>
    /// <paramref name="text"/> with the single occurrence of <paramref name="find"/> replaced. Throws when
    /// it occurs zero or several times, so a mutation can never silently miss its target.
    /// </summary>
    public static string ReplaceOnce(string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0) throw new ArgumentException($"The spec does not contain: {find}");
        if (text.IndexOf(find, first + find.Length, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"The spec contains this more than once (make the edit specific): {find}");
        }
        return text.Substring(0, first) + replacement + text.Substring(first + find.Length);
    }
}
