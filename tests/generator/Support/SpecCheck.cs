using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;

namespace BmsRules.Generator.Tests.Support;

/// <summary>"Compile this spec and return its diagnostics", through the same compiler the generator uses, with the catalogue beside it.</summary>
internal static class SpecCheck
{
    /// <summary>Every diagnostic of <paramref name="specText"/>, sorted by place.</summary>
    public static IReadOnlyList<SpecDiagnostic> Diagnostics(string specText, string path = MinimalSpec.FileName) =>
        SpecCompiler.Compile(path, specText, BmsRules.Testing.SpecFiles.Companions()).Diagnostics;
}
