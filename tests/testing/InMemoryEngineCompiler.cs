using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BmsRules.Generator;
using BmsRules.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BmsRules.Testing;

/// <summary>
/// Runs the real source generator on a spec text and compiles the result in memory, exactly as the
/// build does (C# 10, against BmsRules.Runtime, the behaviour catalogue beside the spec). Used to prove that a property catches a broken
/// rule: a mutated spec compiles into a mutant engine the property must reject.
/// </summary>
public static class InMemoryEngineCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>C# 10, as the board compiles.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp10);

    /// <summary>
    /// Generates and compiles <paramref name="specText"/>. <paramref name="editGenerated"/> may rewrite each
    /// generated source (for mutants the spec cannot express). Throws with every diagnostic when the spec
    /// or the generated code has errors.
    /// </summary>
    public static CompiledSpec Compile(string specText, string path = "rules.yaml", Func<string, string>? editGenerated = null)
    {
        var compilation = CSharpCompilation.Create(
            "BmsRules.Mutant." + Guid.NewGuid().ToString("N"),
            syntaxTrees: Array.Empty<SyntaxTree>(),
            references: References.Value,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RulesGenerator().AsSourceGenerator() },
            additionalTexts: new AdditionalText[] { new InMemoryAdditionalText(path, specText), new InMemoryAdditionalText(SpecFiles.CataloguePath, SpecFiles.Catalogue().Text) },
            parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var specErrors = generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (specErrors.Count > 0)
        {
            throw new InvalidOperationException("The spec does not compile:\n" + string.Join("\n", specErrors));
        }

        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        if (editGenerated is not null)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(editGenerated(s.Value), ParseOptions, path: s.Key));
            output = compilation.AddSyntaxTrees(trees);
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:\n" +
                string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        return new CompiledSpec(assembly, sources);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(IRuleEngine).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>A spec compiled in memory.</summary>
public sealed class CompiledSpec
{
    internal CompiledSpec(Assembly assembly, IReadOnlyDictionary<string, string> sources)
    {
        Assembly = assembly;
        Sources = sources;
    }

    /// <summary>The compiled engines.</summary>
    public Assembly Assembly { get; }

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>A new engine of <paramref name="productId"/> from this assembly's product registry.</summary>
    public IRuleEngine Create(string productId)
    {
        var registry = Assembly.GetTypes().Single(t => t.Name == "ProductRegistry");
        var create = registry.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return (IRuleEngine)create.Invoke(null, new object[] { productId })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
