using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// Bands: zones [from, to) that must tile the whole number line in order, without gaps or
// overlaps, and a hysteresis smaller than half of every inner zone (or the return thresholds of
// its two boundaries would cross).
internal sealed partial class ProductValidator
{
    private EquatableArray<EBand> Bands()
    {
        var result = new List<EBand>();
        foreach (var band in _product.Bands)
        {
            var name = band.Name.Text;
            var input = _symbols.Expect(band.Input, SymbolKind.Input, "a number input");
            if (input is null) continue;
            var unit = _inputUnits[input.Index];
            if (_product.Inputs[input.Index].Kind != InputKind.Number)
            {
                _d.Report(DiagnosticRules.TypeMismatch, band.Input.Span, $"Band '{name}' needs a number input; '{input.Name}' is not one");
                continue;
            }
            if (unit is null) continue; // the input's missing or unknown unit is already reported (BMS003/BMS004)
            if (band.Zones.Count < 2)
            {
                _d.Report(DiagnosticRules.InvalidValue, band.Name.Span, $"Band '{name}' needs at least two zones");
                continue;
            }

            var zoneNames = new List<string>();
            var home = -1;
            var ok = true;
            var seen = new HashSet<string>();
            for (var z = 0; z < band.Zones.Count; z++)
            {
                var zone = band.Zones[z];
                if (!NewLocalName(zone.Name, "Zone", seen, $"band '{name}'")) ok = false;
                if (zone.Name.Text == band.Home.Text) home = z;
                zoneNames.Add(zone.Name.Text);
                var first = z == 0;
                var last = z == band.Zones.Count - 1;
                if (first && zone.From is not null)
                {
                    _d.Report(DiagnosticRules.InvalidValue, zone.From.Span, $"The first zone of '{name}' starts at −∞: it has only 'to'");
                    ok = false;
                }
                if (last && zone.To is not null)
                {
                    _d.Report(DiagnosticRules.InvalidValue, zone.To.Span, $"The last zone of '{name}' ends at +∞: it has only 'from'");
                    ok = false;
                }
                if (!first && zone.From is null) { _d.Report(DiagnosticRules.MissingKey, zone.Name.Span, $"Zone '{zone.Name.Text}'", "from"); ok = false; }
                if (!last && zone.To is null) { _d.Report(DiagnosticRules.MissingKey, zone.Name.Span, $"Zone '{zone.Name.Text}'", "to"); ok = false; }
            }
            if (home < 0 && band.Home.Text.Length > 0)
            {
                _d.Report(DiagnosticRules.UnknownName, band.Home.Span, band.Home.Text, $"; the home zone must be one of: {string.Join(", ", zoneNames)}");
                ok = false;
            }
            if (!ok) continue;

            var what = $"a zone boundary of '{name}'";
            var froms = new double?[band.Zones.Count];
            var tos = new double?[band.Zones.Count];
            for (var z = 0; z < band.Zones.Count; z++)
            {
                if (band.Zones[z].From is { } from) froms[z] = _quantities.In(from, unit, what);
                if (band.Zones[z].To is { } to) tos[z] = _quantities.In(to, unit, what);
            }

            var boundaries = new List<double>();
            for (var z = 0; z < band.Zones.Count - 1; z++)
            {
                var upper = tos[z];
                var lower = froms[z + 1];
                if (upper is null || lower is null) { ok = false; continue; }
                var next = band.Zones[z + 1];
                if (upper < lower)
                {
                    _d.Report(DiagnosticRules.Gap, next.From!.Span, band.Zones[z].Name.Text, next.Name.Text,
                        $"'{band.Zones[z].Name.Text}' ends at {band.Zones[z].To!.Text} but '{next.Name.Text}' starts at {next.From.Text}; values in between belong to no zone");
                    ok = false;
                }
                else if (upper > lower)
                {
                    _d.Report(DiagnosticRules.Overlap, next.From!.Span, next.Name.Text, band.Zones[z].Name.Text,
                        $"'{next.Name.Text}' starts at {next.From.Text}, before '{band.Zones[z].Name.Text}' ends at {band.Zones[z].To!.Text}");
                    ok = false;
                }
                boundaries.Add(upper.Value);
            }
            for (var z = 1; z < band.Zones.Count - 1 && ok; z++)
            {
                if (froms[z] >= tos[z])
                {
                    _d.Report(DiagnosticRules.Overlap, band.Zones[z].To!.Span, band.Zones[z].Name.Text, band.Zones[z].Name.Text,
                        $"it ends ({band.Zones[z].To!.Text}) where or before it starts ({band.Zones[z].From!.Text})");
                    ok = false;
                }
            }

            var hysteresis = _quantities.In(band.Hysteresis, unit, $"the hysteresis of '{name}'", isDifference: true);
            if (hysteresis is null || !ok) continue;
            if (hysteresis.Value <= 0)
            {
                _d.Report(DiagnosticRules.BadHysteresis, band.Hysteresis.Span, name, hysteresis.Value == 0 ? "zero" : "inverted",
                    "the hysteresis must be a positive difference");
                continue;
            }
            for (var z = 1; z < band.Zones.Count - 1; z++)
            {
                var width = tos[z]!.Value - froms[z]!.Value;
                if (2 * hysteresis.Value >= width)
                {
                    _d.Report(DiagnosticRules.Overlap, band.Hysteresis.Span, name, band.Zones[z].Name.Text,
                        $"hysteresis {band.Hysteresis.Text} on both boundaries covers the whole zone ({Quantities.Format(width)} {unit.Symbol} wide)");
                    ok = false;
                }
            }
            if (!ok) continue;

            result.Add(new EBand(name, input.Index, home, hysteresis.Value, zoneNames.ToEquatableArray(),
                boundaries.ToEquatableArray(), Doc(band.Description, band.Provenance)));
        }
        return result.ToEquatableArray();
    }
}
