using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BmsRules.Desktop.Audit;

/// <summary>A test that says it proves a catalogue behaviour: <c>[Trait("Covers", "V2-12")]</c> on it or on its class.</summary>
/// <param name="Id">The catalogue id it carries.</param>
/// <param name="File">Its source file, relative to the repository, with '/' separators.</param>
/// <param name="Line">The line of the test method's name.</param>
/// <param name="Test">Class and method: <c>LedProperties.Cell_4V_led_follows_its_truth_table</c>.</param>
internal sealed record CoveringTest(string Id, string File, int Line, string Test);

/// <summary>
/// Finds the tests that carry catalogue ids by reading the test sources (every project under tests/, without
/// building or loading them): a method with a test attribute (<c>Fact</c>, <c>Theory</c>, <c>Property</c>) and a
/// <c>Trait("Covers", id)</c> on itself or its class. C# syntax is read with Roslyn, so comments, strings and
/// disabled code never count.
/// </summary>
internal static class TestIndex
{
    /// <summary>The trait name that carries a catalogue id.</summary>
    public const string Trait = "Covers";

    private static readonly string[] TestAttributes = { "Fact", "Theory", "Property" };

    /// <summary>Every covering test under <paramref name="testsFolder"/>, in file and line order; paths are relative to <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<CoveringTest> Scan(string testsFolder, string repositoryRoot)
    {
        var found = new List<CoveringTest>();
        if (!Directory.Exists(testsFolder)) return found;
        var files = Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(testsFolder, f)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (!method.AttributeLists.SelectMany(l => l.Attributes).Any(a => TestAttributes.Contains(Name(a)))) continue;
                var type = method.Parent as TypeDeclarationSyntax;
                var ids = CoveredIds(method.AttributeLists).Concat(type is null ? Enumerable.Empty<string>() : CoveredIds(type.AttributeLists)).Distinct();
                var line = method.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var name = (type is null ? "" : type.Identifier.Text + ".") + method.Identifier.Text;
                found.AddRange(ids.Select(id => new CoveringTest(id, relative, line, name)));
            }
        }
        return found;
    }

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static IEnumerable<string> CoveredIds(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var attribute in lists.SelectMany(l => l.Attributes))
        {
            if (Name(attribute) != "Trait" || attribute.ArgumentList is not { Arguments.Count: 2 } args) continue;
            if (Literal(args.Arguments[0]) == Trait && Literal(args.Arguments[1]) is { } id) yield return id;
        }
    }

    private static string? Literal(AttributeArgumentSyntax argument) =>
        argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>An attribute's simple name without the <c>Attribute</c> suffix (<c>Xunit.FactAttribute</c> → <c>Fact</c>).</summary>
    private static string Name(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
            SimpleNameSyntax simple => simple.Identifier.Text,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
