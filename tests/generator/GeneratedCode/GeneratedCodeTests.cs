using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BmsRules.Generator.Tests.GeneratedCode;

/// <summary>
/// The generated engine compiles as C# 10 (the board's language) without a single warning, and its
/// Step is the allocation-free, exception-free hot path the design promises.
/// </summary>
public class GeneratedCodeTests
{
    public static TheoryData<string, string, string> Specs => new()
    {
        { "rules.yaml", "VeBusBmsV2.g.cs", "VeBusBmsV2Engine" },
        { MinimalSpec.FileName, "MiniBms.g.cs", "MiniBmsEngine" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_as_csharp_10_with_nullable_enabled_and_no_warning(string spec, string hintName, string engine)
    {
        var (output, result) = GeneratorHarness.Generate(SpecText(spec), spec);
        Assert.Empty(result.Diagnostics);

        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(generated, t => t.FilePath.EndsWith(hintName, System.StringComparison.Ordinal));
        Assert.All(generated, t => Assert.Equal(LanguageVersion.CSharp10, ((CSharpParseOptions)t.Options).LanguageVersion));
        Assert.Equal(NullableContextOptions.Enable, output.Options.NullableContextOptions);

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotNull(output.GetTypeByMetadataName($"{Namespace(spec)}.{engine}"));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Step_and_its_helpers_allocate_nothing_and_never_throw(string spec, string hintName, string engine)
    {
        var (model, tree) = Generated(spec, hintName);
        var steps = EngineMethods(tree, engine, "Step");
        Assert.Equal(2, steps.Count); // the typed Step(in inputs, nowMs) and the index-based Step(nowMs)

        foreach (var step in steps)
        {
            var walk = StepRuleWalker.Walk(model, step);
            Assert.True(walk.Findings.Count == 0, $"{engine}.{step.Identifier}{step.ParameterList}:\n" + string.Join("\n", walk.Findings));
        }
    }

    [Fact]
    public void Step_walk_follows_the_generated_helpers_it_calls()
    {
        var (model, tree) = Generated("rules.yaml", "VeBusBmsV2.g.cs");
        var typed = EngineMethods(tree, "VeBusBmsV2Engine", "Step").Single(m => m.ParameterList.Parameters.Count == 2);

        var walked = StepRuleWalker.Walk(model, typed).WalkedMethods;

        Assert.Contains("NextZone", walked);
        Assert.Contains("ZoneOf", walked);
        Assert.Contains("StatusLedIsLit", walked);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_uses_no_linq_and_declares_no_params_parameter(string spec, string hintName, string engine)
    {
        var (model, tree) = Generated(spec, hintName);
        var root = tree.GetRoot();

        Assert.DoesNotContain(root.DescendantNodes().OfType<UsingDirectiveSyntax>(), u => u.Name?.ToString() == "System.Linq");
        Assert.DoesNotContain(root.DescendantNodes().OfType<ParameterSyntax>(), p => p.Modifiers.Any(SyntaxKind.ParamsKeyword));
        var linq = root.DescendantNodes().OfType<SimpleNameSyntax>()
            .Select(n => model.GetSymbolInfo(n).Symbol?.ContainingNamespace?.ToDisplayString())
            .Where(ns => ns == "System.Linq");
        Assert.Empty(linq);
        Assert.NotEmpty(EngineMethods(tree, engine, "Step"));
    }

    [Fact]
    public void Step_rules_catch_each_forbidden_construct()
    {
        const string source = @"
namespace Probe
{
    public struct Outputs { public int X; }
    public sealed class Box { }
    public sealed class Engine
    {
        private static int Count(params int[] values) => values.Length;
        public Outputs Step(int x)
        {
            var allowed = new Outputs { X = x };
            var box = new Box();
            var array = new int[3];
            System.Func<int, int> twice = y => y * 2;
            var text = ""x = "" + x.ToString();
            var linq = System.Linq.Enumerable.Count(array);
            var many = Count(1, 2);
            object boxed = x;
            if (x < 0) throw new System.InvalidOperationException();
            return Helper(allowed);
        }
        private Outputs Helper(Outputs o) { var hidden = new int[o.X]; return o; }
    }
}";
        var tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions);
        var model = GeneratorHarness.EmptyCompilation().AddSyntaxTrees(tree).GetSemanticModel(tree);
        var step = EngineMethods(tree, "Engine", "Step").Single();

        var findings = StepRuleWalker.Walk(model, step).Findings;

        foreach (var expected in new[]
                 {
                     "new Box() — allocation of Probe.Box", "new int[3] — array allocation", "y => y * 2 — lambda",
                     "— string concatenation", "— LINQ", "Count(1, 2) — call to a params method", "x — boxing",
                     "throw new System.InvalidOperationException(); — throw", "new int[o.X] — array allocation",
                 })
        {
            Assert.Contains(findings, f => f.Contains(expected, System.StringComparison.Ordinal));
        }
        Assert.DoesNotContain(findings, f => f.Contains("new Outputs", System.StringComparison.Ordinal));
    }

    private static string SpecText(string spec) => spec == "rules.yaml" ? SpecFiles.ReadRules() : MinimalSpec.Text;

    private static string Namespace(string spec) => spec == "rules.yaml" ? "BmsRules.Products.VeBusBmsV2" : "BmsRules.Fixtures.MiniBms";

    private static (SemanticModel Model, SyntaxTree Tree) Generated(string spec, string hintName)
    {
        var (output, _) = GeneratorHarness.Generate(SpecText(spec), spec);
        var tree = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(hintName, System.StringComparison.Ordinal));
        return (output.GetSemanticModel(tree), tree);
    }

    private static List<MethodDeclarationSyntax> EngineMethods(SyntaxTree tree, string type, string name) =>
        tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.Identifier.Text == type)
            .SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>())
            .Where(m => m.Identifier.Text == name)
            .ToList();
}
