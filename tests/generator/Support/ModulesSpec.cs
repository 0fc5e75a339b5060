using System;
using System.IO;
using BmsRules.Testing;

namespace BmsRules.Generator.Tests.Support;

/// <summary>
/// The modules fixture (Fixtures/modules.rules.yaml): two products sharing the module CellCore, one of them
/// overriding a threshold and extending (and overriding a transition of) a machine. It compiles cleanly;
/// the module diagnostics tests change one line of it each.
/// </summary>
internal static class ModulesSpec
{
    /// <summary>The name the generator is given for it.</summary>
    public const string FileName = "modules.rules.yaml";

    /// <summary>The fixture's text.</summary>
    public static string Text => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", FileName));

    /// <summary>The fixture with the single occurrence of <paramref name="find"/> replaced.</summary>
    public static string With(string find, string replacement) => SpecFiles.ReplaceOnce(Text, find, replacement);
}
