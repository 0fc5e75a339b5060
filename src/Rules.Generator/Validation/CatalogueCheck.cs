using System;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Validation;

/// <summary>
/// The behaviour catalogue a spec names (<c>catalogue: catalogue.yaml</c>): found among the files given with
/// the spec (BMS030 when missing), read, and every id of the products' <c>catalogue:</c> lists and of the
/// modules' <c>covers:</c> checked against it (BMS018). A product's own <c>covers:</c> ids must be in its
/// <c>catalogue:</c> list, so they are checked through it.
/// </summary>
internal static class CatalogueCheck
{
    /// <summary>The catalogue <paramref name="document"/> names, or null when it names none or it is missing (reported).</summary>
    public static BehaviourCatalogue? Load(SpecDocument document, EquatableArray<SpecFile> given, DiagnosticBag diagnostics)
    {
        if (document.Catalogue is not { } named) return null;
        var name = SpecCompiler.FileName(named.Text);
        foreach (var file in given)
        {
            if (!string.Equals(SpecCompiler.FileName(file.Path), name, StringComparison.OrdinalIgnoreCase)) continue;
            var bag = new DiagnosticBag(file.Path);
            var catalogue = CatalogueParser.Parse(file, bag);
            diagnostics.Include(bag);
            return catalogue;
        }
        diagnostics.Report(DiagnosticRules.CatalogueMissing, named.Span,
            $"The spec names the behaviour catalogue '{named.Text}', but it was not given with the spec; the build passes it as an " +
            "AdditionalFiles item (Directory.Build.props adds $(BmsCatalogueFile) to every project), 'bms check' reads it beside the spec");
        return null;
    }

    /// <summary>Reports every catalogue id and module <c>covers:</c> id that <paramref name="catalogue"/> does not have.</summary>
    public static void Check(SpecDocument document, BehaviourCatalogue catalogue, DiagnosticBag diagnostics)
    {
        foreach (var product in document.Products)
        {
            foreach (var entry in product.Catalogue) Known(entry.Id, catalogue, diagnostics);
        }
        foreach (var module in document.Modules)
        {
            foreach (var entry in SpecEntries.Of(module))
            {
                foreach (var id in entry.Provenance.Covers) Known(id, catalogue, diagnostics);
            }
        }
    }

    private static void Known(Located id, BehaviourCatalogue catalogue, DiagnosticBag diagnostics)
    {
        if (id.Text.Length == 0 || catalogue.Find(id.Text) is not null) return;
        var ids = new System.Collections.Generic.List<string>();
        foreach (var behaviour in catalogue.Behaviours) ids.Add(behaviour.Id.Text);
        var hint = EditDistance.Suggestion(id.Text, ids);
        diagnostics.Report(DiagnosticRules.Catalogue, id.Span,
            $"'{id.Text}' is not in the behaviour catalogue {SpecCompiler.FileName(catalogue.Path)}{hint}");
    }
}
