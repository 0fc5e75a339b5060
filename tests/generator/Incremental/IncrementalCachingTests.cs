using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace BmsRules.Generator.Tests.Incremental;

/// <summary>
/// The generator's steps depend only on the spec text and its catalogue: a C# edit elsewhere in the project
/// must not re-parse, re-validate or re-emit the spec (IDE typing stays fast), and a spec or catalogue edit must.
/// </summary>
public class IncrementalCachingTests
{
    private static readonly string[] SpecSteps = { RulesGenerator.SpecTextStep, RulesGenerator.CompiledStep };

    [Fact]
    public void Adding_and_editing_unrelated_csharp_leaves_every_step_and_output_cached()
    {
        var first = CSharpSyntaxTree.ParseText("namespace App { class Battery { } }", GeneratorHarness.ParseOptions);
        var compilation = GeneratorHarness.EmptyCompilation().AddSyntaxTrees(first);
        var driver = GeneratorHarness.Driver(SpecFiles.ReadRules(), trackSteps: true).RunGenerators(compilation);

        var edited = compilation
            .ReplaceSyntaxTree(first, CSharpSyntaxTree.ParseText("namespace App { class Battery { int _cells = 4; } }", GeneratorHarness.ParseOptions))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class Charger { } }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in SpecSteps)
        {
            Assert.All(Reasons(result.TrackedSteps, step), reason =>
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran again: {reason}"));
        }
        Assert.All(Reasons(result.TrackedOutputSteps, WellKnownGeneratorOutputs.SourceOutput), reason =>
            Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(3, result.GeneratedSources.Length); // the engine, its board, the registry
    }

    [Fact]
    public void Editing_the_spec_runs_every_step_again()
    {
        var original = new InMemoryAdditionalText("rules.yaml", SpecFiles.ReadRules());
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.Driver(original, trackSteps: true).RunGenerators(compilation);

        var changed = new InMemoryAdditionalText("rules.yaml", SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "duration: 30 s", "duration: 31 s"));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in SpecSteps) Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result.TrackedSteps, step).Single());
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result.TrackedOutputSteps, WellKnownGeneratorOutputs.SourceOutput).Single());
        Assert.Contains("31000L", GeneratorHarness.Source(result, "VeBusBmsV2.g.cs"));
    }

    [Fact]
    public void Appending_a_comment_to_the_spec_reads_it_again_but_compiles_to_an_unchanged_model()
    {
        var original = new InMemoryAdditionalText("rules.yaml", SpecFiles.ReadRules());
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.Driver(original, trackSteps: true).RunGenerators(compilation);

        var commented = new InMemoryAdditionalText("rules.yaml", SpecFiles.ReadRules() + "\n# a trailing comment\n");
        var result = driver.ReplaceAdditionalText(original, commented).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result.TrackedSteps, RulesGenerator.SpecTextStep).Single());
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(result.TrackedSteps, RulesGenerator.CompiledStep).Single());
        Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result.TrackedOutputSteps, WellKnownGeneratorOutputs.SourceOutput).Single());
    }

    [Fact]
    public void Editing_the_catalogue_compiles_the_unchanged_spec_again_against_it()
    {
        var spec = new InMemoryAdditionalText("rules.yaml", SpecFiles.ReadRules());
        var catalogue = new InMemoryAdditionalText(SpecFiles.CataloguePath, SpecFiles.Catalogue().Text);
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.Driver(spec, catalogue, trackSteps: true).RunGenerators(compilation);

        var without = SpecFiles.ReplaceOnce(SpecFiles.Catalogue().Text, "      - id: V2-22\n", "      - id: V2-99\n");
        var result = driver.ReplaceAdditionalText(catalogue, new InMemoryAdditionalText(SpecFiles.CataloguePath, without))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result.TrackedSteps, RulesGenerator.SpecTextStep).Single());
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result.TrackedSteps, RulesGenerator.CompiledStep).Single());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("BMS018", diagnostic.Id);
        Assert.Empty(result.GeneratedSources);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> steps, string name)
    {
        Assert.True(steps.ContainsKey(name), $"No tracked step '{name}'; tracked: {string.Join(", ", steps.Keys)}");
        var reasons = steps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
