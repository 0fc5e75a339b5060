using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Validation;

// Thresholds: a trip level and a release level on one number input. The release must lie on the
// far side of the trip level (for every allowed value of any setting they use), or the comparator
// would chatter (zero band) or never release (inverted band).
internal sealed partial class ProductValidator
{
    private EquatableArray<EThreshold> Thresholds()
    {
        var result = new List<EThreshold>();
        foreach (var threshold in _product.Thresholds)
        {
            var name = threshold.Name.Text;
            var input = _symbols.Expect(threshold.Input, SymbolKind.Input, "a number input");
            var unit = input is null ? null : _inputUnits[input.Index];
            if (input is not null && _product.Inputs[input.Index].Kind != InputKind.Number)
            {
                _d.Report(DiagnosticRules.TypeMismatch, threshold.Input.Span, $"Threshold '{name}' needs a number input; '{input.Name}' is not one");
                continue;
            }
            if (input is null || unit is null) continue;

            var trip = Level(threshold.Trip, unit, name, "trip", out var tripOp);
            var release = Level(threshold.Release, unit, name, "release", out var releaseOp);
            if (trip is null || release is null) continue;

            var tripsLow = tripOp is CompareOp.Less or CompareOp.LessOrEqual;
            var releasesHigh = releaseOp is CompareOp.Greater or CompareOp.GreaterOrEqual;
            if (tripsLow == !releasesHigh)
            {
                _d.Report(DiagnosticRules.BadHysteresis, threshold.Release.Span, name, "inverted",
                    $"it trips on {(tripsLow ? "low" : "high")} values, so it must release on {(tripsLow ? "high ('>' or '>=')" : "low ('<' or '<=')")} values");
                continue;
            }

            CheckBandWidth(threshold, trip, release, tripsLow, unit);
            result.Add(new EThreshold(name, input.Index, tripOp, trip, releaseOp, release,
                threshold.Trip.Text, threshold.Release.Text, Doc(threshold.Description, threshold.Provenance)));
        }
        return result.ToEquatableArray();
    }

    /// <summary>Checks release − trip (or trip − release) is positive at every corner of the settings it uses.</summary>
    private void CheckBandWidth(ThresholdSpec threshold, ELevel trip, ELevel release, bool tripsLow, UnitInfo unit)
    {
        double? worst = null;
        foreach (var corner in new[] { 0, 1, 2 })
        {
            var width = tripsLow ? Evaluate(release, corner) - Evaluate(trip, corner) : Evaluate(trip, corner) - Evaluate(release, corner);
            if (worst is null || width < worst) worst = width;
        }
        if (worst is null) return;
        if (System.Math.Abs(worst.Value) < 1e-12)
        {
            _d.Report(DiagnosticRules.BadHysteresis, threshold.Release.Span, threshold.Name.Text, "zero",
                $"release '{threshold.Release.Text}' equals trip '{threshold.Trip.Text}', so the output would chatter on noise");
        }
        else if (worst.Value < 0)
        {
            _d.Report(DiagnosticRules.BadHysteresis, threshold.Release.Span, threshold.Name.Text, "inverted",
                $"release '{threshold.Release.Text}' lies on the tripping side of '{threshold.Trip.Text}' (by {Quantities.Format(-worst.Value)} {unit.Symbol}), so it would never release");
        }
    }

    /// <summary>The level's value with its setting at its default (0), min (1) or max (2).</summary>
    private double Evaluate(ELevel level, int corner)
    {
        if (level.Setting < 0) return level.Constant + level.Offset;
        var setting = _product.Settings[level.Setting];
        var unit = _settingUnits[level.Setting];
        double value = 0;
        var text = corner switch { 0 => setting.Default, 1 => setting.Min, _ => setting.Max };
        if (unit is not null && text is not null && QuantityParser.TryParse(text.Text, out var q, out _) && q.Unit is not null)
        {
            value = q.Unit.ConvertTo(q.Value, unit);
        }
        return value * level.SettingFactor + level.Offset;
    }

    private ELevel? Level(Located text, UnitInfo unit, string threshold, string which, out CompareOp op)
    {
        op = CompareOp.Less;
        var level = ExpressionParser.ParseLevel(text.Text, out var error);
        if (level is null)
        {
            _d.Report(DiagnosticRules.ExpressionSyntax, text.Span.Slice(error!.Offset, error.Length), error.Message);
            return null;
        }
        op = level.Op;
        var what = $"the {which} level of '{threshold}'";

        double offset = 0;
        if (level.Offset is { } offsetExpr)
        {
            var value = LiteralIn(text, offsetExpr, unit, what, isDifference: true);
            if (value is null) return null;
            offset = level.NegativeOffset ? -value.Value : value.Value;
        }

        switch (level.Operand)
        {
            case NumberExpr number:
            {
                var value = LiteralIn(text, number, unit, what, isDifference: false);
                return value is null ? null : new ELevel(value.Value, -1, 0, offset);
            }
            case NameExpr name:
            {
                var located = new Located(name.FullName, text.Span.Slice(name.Offset, name.Length));
                var setting = _symbols.Expect(located, SymbolKind.Setting, "a number setting or a value with a unit");
                if (setting is null) return null;
                var settingUnit = _settingUnits[setting.Index];
                if (_product.Settings[setting.Index].IsBool || settingUnit is null)
                {
                    _d.Report(DiagnosticRules.TypeMismatch, located.Span, $"'{name.FullName}' is not a number setting");
                    return null;
                }
                if (settingUnit.Dimension != unit.Dimension)
                {
                    _d.Report(DiagnosticRules.WrongUnit, located.Span, name.FullName, $"it is in {settingUnit.Symbol} but {what} needs {UnitInfo.Describe(unit.Dimension)}");
                    return null;
                }
                return new ELevel(0, setting.Index, settingUnit.Factor / unit.Factor, offset);
            }
            default:
                _d.Report(DiagnosticRules.ExpressionSyntax, text.Span, "a level is a value with a unit or a setting name");
                return null;
        }
    }

    private double? LiteralIn(Located text, NumberExpr number, UnitInfo unit, string what, bool isDifference)
    {
        var span = text.Span.Slice(number.Offset, number.Length);
        if (number.UnitText.Length == 0)
        {
            _d.Report(DiagnosticRules.MissingUnit, span, Quantities.Format(number.Value), what, UnitInfo.Describe(unit.Dimension));
            return null;
        }
        if (number.Unit is null)
        {
            _d.Report(DiagnosticRules.WrongUnit, span, number.UnitText, $"unknown unit; known units are {UnitInfo.KnownSymbols}");
            return null;
        }
        if (number.Unit.Dimension != unit.Dimension || (number.Unit.DeltaOnly && !isDifference))
        {
            _d.Report(DiagnosticRules.WrongUnit, span, $"{Quantities.Format(number.Value)} {number.UnitText}", $"{what} needs {UnitInfo.Describe(unit.Dimension)}");
            return null;
        }
        return number.Unit.ConvertTo(number.Value, unit);
    }
}
