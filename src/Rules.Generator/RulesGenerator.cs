using System;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BmsRules.Generator;

/// <summary>
/// Compiles every additional file named <c>rules.yaml</c> (or <c>*.rules.yaml</c>) into rule engines.
/// Pipeline: spec text → <see cref="SpecCompiler"/> (parse → model → validate) → emit. The steps
/// depend only on the spec text, so C# edits leave them cached.
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

        var compiled = specs
            .Select(static (spec, _) => SpecCompiler.Compile(spec.Path, spec.Text))
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

    private static void Emit(SourceProductionContext output, SpecCompilation compilation)
    {
        foreach (var diagnostic in compilation.Diagnostics) output.ReportDiagnostic(ToRoslyn(diagnostic));
        if (compilation.Engines.Count == 0) return;
        try
        {
            foreach (var engine in compilation.Engines)
            {
                output.AddSource($"{engine.ProductId}.g.cs", SourceText.From(EngineEmitter.Emit(engine), System.Text.Encoding.UTF8));
                if (BoardEmitter.Emit(engine) is { } board)
                {
                    output.AddSource($"{BoardEmitter.ClassName(engine.ProductId)}.g.cs", SourceText.From(board, System.Text.Encoding.UTF8));
                }
            }
            var ns = compilation.Engines[0].Namespace;
            output.AddSource("ProductRegistry.g.cs", SourceText.From(RegistryEmitter.Emit(ns, compilation.Engines), System.Text.Encoding.UTF8));
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
