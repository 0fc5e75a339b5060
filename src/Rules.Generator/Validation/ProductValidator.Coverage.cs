using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// Provenance and coverage: every entry says where its value comes from or why it was chosen;
// every covered id is in the product's catalogue; every catalogue id handled by the engine is
// covered by at least one entry. An entry from a shared module may also cover ids of the other
// products that use the module: those are not this product's and are skipped here.
internal sealed partial class ProductValidator
{
    private void CheckProvenance()
    {
        foreach (var entry in SpecEntries.Of(_product))
        {
            // The VE.Bus section checks its own provenance with its other rules.
            if (entry.Kind != "VE.Bus frame") Require(entry.Kind, entry.Name, entry.Provenance);
        }
    }

    private void Require(string kind, Located name, Provenance provenance)
    {
        if (provenance.IsStated) return;
        if (provenance.Replaces is not null) _d.Report(DiagnosticRules.OverrideWithoutProvenance, name.Span, kind, name.Text, provenance.Replaces);
        else _d.Report(DiagnosticRules.MissingProvenance, name.Span, kind, name.Text);
    }

    private void CheckCatalogue()
    {
        var catalogue = new Dictionary<string, CatalogueEntry>(System.StringComparer.Ordinal);
        foreach (var entry in _product.Catalogue)
        {
            if (catalogue.ContainsKey(entry.Id.Text)) _d.Report(DiagnosticRules.DuplicateName, entry.Id.Span, entry.Id.Text, "a catalogue id");
            else catalogue.Add(entry.Id.Text, entry);
        }

        var covered = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in SpecEntries.Of(_product))
        {
            foreach (var id in entry.Provenance.Covers)
            {
                if (catalogue.ContainsKey(id.Text)) covered.Add(id.Text);
                else if (entry.Provenance.Module is null)
                {
                    _d.Report(DiagnosticRules.Catalogue, id.Span, $"'{id.Text}' is not in this product's catalogue; add it there with how it is handled");
                }
            }
        }

        // The board section's entries cover ids too (they are the product's, never a module's).
        foreach (var covers in BoardCovers())
        {
            foreach (var id in covers)
            {
                if (catalogue.ContainsKey(id.Text)) covered.Add(id.Text);
                else _d.Report(DiagnosticRules.Catalogue, id.Span, $"'{id.Text}' is not in this product's catalogue; add it there with how it is handled");
            }
        }

        foreach (var entry in _product.Catalogue)
        {
            if (entry.By == "engine" && !covered.Contains(entry.Id.Text))
            {
                _d.Report(DiagnosticRules.Catalogue, entry.Id.Span, $"'{entry.Id.Text}' is handled by the engine but no entry covers it");
            }
        }
    }
}
