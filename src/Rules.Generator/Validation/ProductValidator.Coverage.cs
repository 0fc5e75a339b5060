using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// Provenance and coverage: every entry says where its value comes from or why it was chosen;
// every covered id is in the product's catalogue; every catalogue id handled by the engine is
// covered by at least one entry.
internal sealed partial class ProductValidator
{
    private void CheckProvenance()
    {
        Require("Product", _product.Id, _product.Provenance);
        foreach (var x in _product.Inputs) Require("Input", x.Name, x.Provenance);
        foreach (var x in _product.Settings) Require("Setting", x.Name, x.Provenance);
        foreach (var x in _product.Timers) Require("Timer", x.Name, x.Provenance);
        foreach (var x in _product.Thresholds) Require("Threshold", x.Name, x.Provenance);
        foreach (var x in _product.Bands) Require("Band", x.Name, x.Provenance);
        foreach (var x in _product.Signals) Require("Signal", x.Name, x.Provenance);
        foreach (var m in _product.Machines)
        {
            Require("Machine", m.Name, m.Provenance);
            foreach (var t in m.Transitions) Require("Transition", t.Trigger, t.Provenance);
        }
        foreach (var x in _product.Outputs) Require("Output", x.Name, x.Provenance);
        foreach (var x in _product.Flags) Require("Flag", x.Name, x.Provenance);
        foreach (var x in _product.Tables) Require("Table", x.Name, x.Provenance);
        foreach (var x in _product.Leds) Require("LED", x.Name, x.Provenance);
        foreach (var x in _product.Codes) Require("Code", x.Id, x.Provenance);
    }

    private void Require(string kind, Located name, Provenance provenance)
    {
        if (!provenance.IsStated) _d.Report(DiagnosticRules.MissingProvenance, name.Span, kind, name.Text);
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
        foreach (var covers in AllCovers())
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

    private IEnumerable<Helpers.EquatableArray<Located>> AllCovers()
    {
        yield return _product.Provenance.Covers;
        foreach (var x in _product.Inputs) yield return x.Provenance.Covers;
        foreach (var x in _product.Settings) yield return x.Provenance.Covers;
        foreach (var x in _product.Timers) yield return x.Provenance.Covers;
        foreach (var x in _product.Thresholds) yield return x.Provenance.Covers;
        foreach (var x in _product.Bands) yield return x.Provenance.Covers;
        foreach (var x in _product.Signals) yield return x.Provenance.Covers;
        foreach (var m in _product.Machines)
        {
            yield return m.Provenance.Covers;
            foreach (var t in m.Transitions) yield return t.Provenance.Covers;
        }
        foreach (var x in _product.Outputs) yield return x.Provenance.Covers;
        foreach (var x in _product.Flags) yield return x.Provenance.Covers;
        foreach (var x in _product.Tables) yield return x.Provenance.Covers;
        foreach (var x in _product.Leds) yield return x.Provenance.Covers;
        foreach (var x in _product.Codes) yield return x.Provenance.Covers;
        if (_product.VeBus is not null) yield return _product.VeBus.Provenance.Covers;
        foreach (var covers in BoardCovers()) yield return covers;
    }
}
