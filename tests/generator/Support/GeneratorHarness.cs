using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BmsRules.Runtime;
using BmsRules.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BmsRules.Generator.Tests.Support;

/// <summary>
/// Runs the real <see cref="RulesGenerator"/> through Roslyn's <see cref="CSharpGeneratorDriver"/>, as
/// the build does: the spec is an additional file, the output C# 10 under nullable enable.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>C# 10, the language version of the board build.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp10);

    /// <summary>The framework's System assemblies and BmsRules.Runtime: what the generated code may use.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// An empty compilation to run the generator on: a library, nullable enable, every warning
    /// (warning level 9999 includes the newest warning waves). CS0436 alone is silenced: BmsRules.Runtime,
    /// referenced for the runtime types, already contains the engine built from spec/rules.yaml, so
    /// compiling that spec again here makes every generated type a duplicate of an imported one.
    /// </summary>
    public static CSharpCompilation EmptyCompilation(string name = "BmsRules.GeneratorTests") =>
        CSharpCompilation.Create(name, Array.Empty<SyntaxTree>(), References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(new[] { new KeyValuePair<string, ReportDiagnostic>("CS0436", ReportDiagnostic.Suppress) }));

    /// <summary>A driver holding the generator and one spec file.</summary>
    public static GeneratorDriver Driver(string specText, string path = "rules.yaml", bool trackSteps = false) =>
        Driver(new InMemoryAdditionalText(path, specText), trackSteps);

    /// <summary>A driver holding the generator, the spec file <paramref name="spec"/> and, as the build gives it, the behaviour catalogue.</summary>
    public static GeneratorDriver Driver(AdditionalText spec, bool trackSteps = false) =>
        Driver(spec, new InMemoryAdditionalText(SpecFiles.CataloguePath, SpecFiles.Catalogue().Text), trackSteps);

    /// <summary>A driver holding the generator, the spec file <paramref name="spec"/> and the catalogue file <paramref name="catalogue"/>.</summary>
    public static GeneratorDriver Driver(AdditionalText spec, AdditionalText catalogue, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new RulesGenerator().AsSourceGenerator() },
            new[] { spec, catalogue },
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once on <paramref name="specText"/>.</summary>
    public static GeneratorRunResult Run(string specText, string path = "rules.yaml") =>
        Driver(specText, path).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();

    /// <summary>Runs the generator and returns the compilation with the generated sources added.</summary>
    public static (Compilation Output, GeneratorRunResult Result) Generate(string specText, string path = "rules.yaml")
    {
        var driver = Driver(specText, path).RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out _);
        return (output, driver.GetRunResult().Results.Single());
    }

    /// <summary>The generated source with hint name <paramref name="hintName"/>.</summary>
    public static string Source(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(IRuleEngine).Assembly.Location)
            .Distinct();
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
