using System;
using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;
using BmsRules.Generator.Validation;

namespace BmsRules.Generator;

/// <summary>The result of compiling one spec file: its diagnostics and, when it has no errors, one engine model per product.</summary>
public sealed record SpecCompilation(EquatableArray<SpecDiagnostic> Diagnostics, EquatableArray<EngineModel> Engines)
{
    /// <summary>True when any diagnostic is an error or warning (both fail the build here).</summary>
    public bool Failed
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity != SpecSeverity.Info) return true;
            }
            return false;
        }
    }
}

/// <summary>
/// Parses and validates a spec. Used by the source generator, by <c>bms check</c> and by tests.
/// Never throws: an internal failure becomes diagnostic BMS099.
/// </summary>
public static class SpecCompiler
{
    /// <summary>Compiles <paramref name="text"/>, reporting diagnostics against <paramref name="path"/>.</summary>
    public static SpecCompilation Compile(string path, string text)
    {
        var diagnostics = new DiagnosticBag(path);
        var engines = new List<EngineModel>();
        try
        {
            var document = SpecParser.Parse(text, diagnostics);
            if (document is not null)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var product in document.Products)
                {
                    if (!ids.Add(product.Id.Text))
                    {
                        diagnostics.Report(DiagnosticRules.DuplicateName, product.Id.Span, product.Id.Text, "a product id");
                        continue;
                    }
                    var engine = ProductValidator.Validate(document.Namespace, product, FileName(path), diagnostics);
                    if (engine is not null) engines.Add(engine);
                }
            }
        }
        catch (Exception ex)
        {
            diagnostics.Report(DiagnosticRules.InternalError, SourceSpan.FileStart, ex.GetType().Name + ": " + ex.Message);
        }

        var result = diagnostics.ToArray();
        var failed = false;
        foreach (var d in result) failed |= d.Severity != SpecSeverity.Info;
        return new SpecCompilation(result, failed ? EquatableArray<EngineModel>.Empty : engines.ToEquatableArray());
    }

    /// <summary>
    /// Parses <paramref name="text"/> without validating it: the spec as written, with every description,
    /// source, assumption and catalogue link (for rule books and tools). Null when the YAML cannot be read.
    /// </summary>
    public static SpecDocument? ParseDocument(string path, string text)
    {
        try
        {
            return SpecParser.Parse(text, new DiagnosticBag(path));
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The file name of a path (generated code records it without machine-specific folders).</summary>
    public static string FileName(string path)
    {
        var cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return cut < 0 ? path : path.Substring(cut + 1);
    }
}
