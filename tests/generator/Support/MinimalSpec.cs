using System;
using System.IO;
using BmsRules.Testing;

namespace BmsRules.Generator.Tests.Support;

/// <summary>
/// The minimal valid spec (Fixtures/minimal.rules.yaml): every section used once, no diagnostic.
/// Diagnostics tests derive their broken specs from it with one small edit each.
/// </summary>
internal static class MinimalSpec
{
    /// <summary>The name the generator is given for it (it only compiles files named *rules.yaml).</summary>
    public const string FileName = "minimal.rules.yaml";

    /// <summary>Its product id.</summary>
    public const string ProductId = "MiniBms";

    /// <summary>Path of the copy next to the test assembly.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", FileName);

    /// <summary>The fixture's text.</summary>
    public static string Text => File.ReadAllText(Path);

    /// <summary>The fixture with the single occurrence of <paramref name="find"/> replaced.</summary>
    public static string With(string find, string replacement) => SpecFiles.ReplaceOnce(Text, find, replacement);

    /// <summary>The fixture with the single occurrence of <paramref name="find"/> removed.</summary>
    public static string Without(string find) => With(find, "");
}
