using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>
/// Whatever text the generator is given, it reports diagnostics and never throws: damaged copies of
/// spec/rules.yaml and random bytes give BMS diagnostics, never the internal error BMS099 nor a
/// generator crash (CS8785), and a mutant without diagnostics generates code that compiles.
/// </summary>
public class GeneratorRobustnessTests
{
    private const int CompilerMutants = 1_500;
    private const int GeneratorMutants = 150;

    [Fact]
    public void Spec_compiler_reports_only_spec_diagnostics_for_damaged_specs()
    {
        var rules = SpecFiles.ReadRules();
        var failures = new List<string>();
        for (var seed = 1; seed <= CompilerMutants; seed++)
        {
            var (text, what) = SpecMutator.Mutate(rules, seed);
            var diagnostics = SpecCheck.Diagnostics(text, "rules.yaml");
            foreach (var d in diagnostics.Where(d => d.Id == DiagnosticRules.InternalError.Id || !IsInside(text, d.Span)))
            {
                failures.Add($"seed {seed} ({what}): {d.ToMsBuildString()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Generator_never_throws_and_compiles_what_it_generates_for_damaged_specs()
    {
        var rules = SpecFiles.ReadRules();
        var failures = new List<string>();
        // Seeds spread apart from the compiler test's, so the two tests see different mutants.
        foreach (var seed in Enumerable.Range(1, GeneratorMutants).Select(i => i * 7919))
        {
            var (text, what) = SpecMutator.Mutate(rules, seed);
            var (output, result) = GeneratorHarness.Generate(text);
            if (result.Exception is not null) failures.Add($"seed {seed} ({what}): threw {result.Exception}");
            foreach (var d in result.Diagnostics.Where(d => !d.Id.StartsWith("BMS", System.StringComparison.Ordinal) || d.Id == DiagnosticRules.InternalError.Id))
            {
                failures.Add($"seed {seed} ({what}): {d}");
            }
            if (result.Diagnostics.IsEmpty)
            {
                var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3);
                failures.AddRange(errors.Select(e => $"seed {seed} ({what}): generated code: {e}"));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("just a scalar")]
    [InlineData("- a\n- b\n")]
    [InlineData("format: bmsrules/1\nproducts: 3\n")]
    [InlineData("format: bmsrules/1\nproducts:\n  - 42\n")]
    [InlineData("format: bmsrules/1\nproducts:\n  - id: [X]\n")]
    [InlineData("a: &x [*x]\n")]
    [InlineData("a: *nothing\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("--- a\n--- b\n")]
    [InlineData("\0\u0001\u0002")]
    public void Degenerate_texts_give_spec_diagnostics_not_a_crash(string text)
    {
        var result = GeneratorHarness.Run(text);

        Assert.Null(result.Exception);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.StartsWith("BMS0", d.Id);
            Assert.NotEqual(DiagnosticRules.InternalError.Id, d.Id);
        });
    }

    [Theory]
    [Trait("Diagnostic", "BMS001")]
    [InlineData("a: *nothing\n")]
    [InlineData("format: bmsrules/1\nproducts:\n  - id: X\n    name: *missing\n")]
    public void An_unknown_alias_is_a_yaml_syntax_error_placed_inside_the_file(string text)
    {
        var diagnostic = Assert.Single(SpecCheck.Diagnostics(text, "rules.yaml"));
        Assert.Equal("BMS001", diagnostic.Id);
        Assert.True(IsInside(text, diagnostic.Span), $"{diagnostic.ToMsBuildString()} lies outside the {text.Length} characters of the file");
    }

    private static bool IsInside(string text, SourceSpan span) =>
        span.Line >= 1 && span.Column >= 1 && span.Start >= 0 && span.Start + span.Length <= text.Length;
}
