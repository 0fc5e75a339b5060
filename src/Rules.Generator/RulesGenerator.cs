using System;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Emit;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BmsRules.Generator;

/// <summary>
/// Compiles every additional file named <c>rules.yaml</c> (or <c>*.rules.yaml</c>) into rule engines, with the
/// behaviour catalogues given beside them (additional files named <c>catalogue.yaml</c> or <c>*.catalogue.yaml</c>).
/// Pipeline: spec text + catalogues → <see cref="SpecCompiler"/> (parse → model → validate) → emit. The steps
/// depend only on those texts, so C# edits leave them cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RulesGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that reads spec texts.</summary>
    public const string SpecTextStep = "SpecText";

    /// <summary>Tracking name of the step that compiles specs.</summary>
    public const string CompiledStep = "SpecCompiled";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Where(static file => IsSpec(file.Path))
            .Select(static (file, token) => new SpecText(file.Path, file.GetText(token)?.ToString() ?? ""))
            .WithTrackingName(SpecTextStep);

        var catalogues = context.AdditionalTextsProvider
            .Where(static file => IsCatalogue(file.Path))
            .Select(static (file, token) => new SpecFile(file.Path, file.GetText(token)?.ToString() ?? ""))
            .Collect()
            .Select(static (files, _) => new EquatableArray<SpecFile>(System.Linq.Enumerable.ToArray(files)));

        var compiled = specs
            .Combine(catalogues)
            .Select(static (pair, _) => SpecCompiler.Compile(pair.Left.Path, pair.Left.Text, pair.Right))
            .WithTrackingName(CompiledStep);

        context.RegisterSourceOutput(compiled, static (output, compilation) => Emit(output, compilation));
    }

    /// <summary>True for files the generator compiles.</summary>
    public static bool IsSpec(string path)
    {
        var name = SpecCompiler.FileName(path);
        return string.Equals(name, "rules.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".rules.yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for behaviour catalogues, read with every spec that names them.</summary>
    public static bool IsCatalogue(string path)
    {
        var name = SpecCompiler.FileName(path);
        return string.Equals(name, "catalogue.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".catalogue.yaml", StringComparison.OrdinalIgnoreCase);
    }

    private static void Emit(SourceProductionContext output, SpecCompilation compilation)
    {
        foreach (var diagnostic in compilation.Diagnostics) output.ReportDiagnostic(ToRoslyn(diagnostic));
        if (compilation.Engines.Count == 0) return;
        try
        {
            foreach (var source in GeneratedSources.Of(compilation))
            {
                output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception ex)
        {
            var path = compilation.Engines[0].SpecPath;
            output.ReportDiagnostic(ToRoslyn(new SpecDiagnostic(DiagnosticRules.InternalError.Id, SpecSeverity.Error,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticRules.InternalError.MessageFormat, ex.GetType().Name + ": " + ex.Message),
                path, SourceSpan.FileStart)));
        }
    }

    /// <summary>A Roslyn diagnostic at the spec's line and column.</summary>
    public static Diagnostic ToRoslyn(SpecDiagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            SpecSeverity.Error => DiagnosticSeverity.Error,
            SpecSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var descriptor = new DiagnosticDescriptor(diagnostic.Id, Title(diagnostic.Id), "{0}", "BmsRules.Spec", severity, isEnabledByDefault: true);
        var span = diagnostic.Span;
        var location = Location.Create(diagnostic.Path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.Line - 1, span.Column - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        return Diagnostic.Create(descriptor, location, diagnostic.Message);
    }

    private static string Title(string id)
    {
        foreach (var rule in DiagnosticRules.All)
        {
            if (rule.Id == id) return rule.Title;
        }
        return id;
    }

    /// <summary>A spec file's path and text (value-equatable, so unchanged specs stay cached).</summary>
    private sealed record SpecText(string Path, string Text);
}
