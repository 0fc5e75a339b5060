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
/// A spec resolved for tools: as written, its products as they compile (modules applied), the behaviour
/// catalogue it names (null when it names none or it was not given) and its documents.
/// </summary>
public sealed record ResolvedSpec(SpecDocument Written, EquatableArray<ProductSpec> Products, BehaviourCatalogue? Catalogue, DocumentTable Documents);

/// <summary>
/// Parses and validates a spec. Used by the source generator, by <c>bms check</c> and by tests.
/// Never throws: an internal failure becomes diagnostic BMS099.
/// </summary>
public static class SpecCompiler
{
    /// <summary>Compiles <paramref name="text"/>, reporting diagnostics against <paramref name="path"/>.</summary>
    public static SpecCompilation Compile(string path, string text) => Compile(path, text, EquatableArray<SpecFile>.Empty);

    /// <summary>
    /// Compiles <paramref name="text"/> with the files given alongside it: the behaviour catalogue the spec names
    /// (<c>catalogue:</c>) is the one of <paramref name="catalogues"/> with that file name.
    /// </summary>
    public static SpecCompilation Compile(string path, string text, EquatableArray<SpecFile> catalogues)
    {
        var diagnostics = new DiagnosticBag(path);
        var engines = new List<EngineModel>();
        try
        {
            var resolved = Resolve(text, catalogues, diagnostics);
            if (resolved is not null)
            {
                foreach (var product in resolved.Products)
                {
                    var engine = ProductValidator.Validate(resolved.Written.Namespace, product, FileName(path), diagnostics);
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
    /// The spec as each product compiles it: modules applied (every entry records the module it comes from),
    /// cited short document names written out as file names, and the behaviour catalogue it names. Null when
    /// the YAML cannot be read. For rule books and tools; <see cref="Compile(string, string, EquatableArray{SpecFile})"/> reports the problems.
    /// </summary>
    public static ResolvedSpec? Resolve(string path, string text, EquatableArray<SpecFile> catalogues)
    {
        try
        {
            return Resolve(text, catalogues, new DiagnosticBag(path));
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static ResolvedSpec? Resolve(string text, EquatableArray<SpecFile> catalogues, DiagnosticBag diagnostics)
    {
        var document = SpecParser.Parse(text, diagnostics);
        if (document is null) return null;
        var catalogue = CatalogueCheck.Load(document, catalogues, diagnostics);
        if (catalogue is not null) CatalogueCheck.Check(document, catalogue, diagnostics);
        var documents = DocumentTable.From(document, diagnostics);

        var products = new List<ProductSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var product in ModuleResolver.Resolve(document, documents, catalogue, diagnostics))
        {
            if (ids.Add(product.Id.Text)) products.Add(product);
            else diagnostics.Report(DiagnosticRules.DuplicateName, product.Id.Span, product.Id.Text, "a product id");
        }
        return new ResolvedSpec(document, products.ToEquatableArray(), catalogue, documents);
    }

    /// <summary>The file name of a path (generated code records it without machine-specific folders).</summary>
    public static string FileName(string path)
    {
        var cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return cut < 0 ? path : path.Substring(cut + 1);
    }
}
