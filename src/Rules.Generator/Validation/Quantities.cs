using System;
using System.Globalization;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Validation;

/// <summary>Reads quantities from spec scalars, reporting missing, unknown or wrong units at their place.</summary>
internal sealed class Quantities
{
    private readonly DiagnosticBag _diagnostics;

    public Quantities(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>Reads a unit symbol such as "V".</summary>
    public UnitInfo? Unit(Located symbol, string what)
    {
        var unit = UnitInfo.Find(symbol.Text.Trim());
        if (unit is null)
        {
            _diagnostics.Report(DiagnosticRules.WrongUnit, symbol.Span, symbol.Text, $"unknown unit for {what}; known units are {UnitInfo.KnownSymbols}");
        }
        else if (unit.DeltaOnly)
        {
            _diagnostics.Report(DiagnosticRules.WrongUnit, symbol.Span, symbol.Text, $"{what} is an absolute temperature: use °C (K is for differences)");
            return null;
        }
        return unit;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a quantity of <paramref name="target"/>'s dimension and returns it in
    /// that unit. <paramref name="isDifference"/> allows K for temperatures.
    /// </summary>
    public double? In(Located text, UnitInfo target, string what, bool isDifference = false)
    {
        if (!QuantityParser.TryParse(text.Text, out var quantity, out var unitKnown))
        {
            _diagnostics.Report(DiagnosticRules.InvalidValue, text.Span, $"'{text.Text}' is not a number with a unit ({what})");
            return null;
        }
        if (!unitKnown)
        {
            QuantityParser.TrySplit(text.Text, out _, out var unitText);
            _diagnostics.Report(DiagnosticRules.WrongUnit, text.Span, text.Text, $"unknown unit '{unitText}'; known units are {UnitInfo.KnownSymbols}");
            return null;
        }
        if (quantity.Unit is null)
        {
            _diagnostics.Report(DiagnosticRules.MissingUnit, text.Span, text.Text, what, UnitInfo.Describe(target.Dimension));
            return null;
        }
        if (quantity.Unit.Dimension != target.Dimension || (quantity.Unit.DeltaOnly && !isDifference))
        {
            _diagnostics.Report(DiagnosticRules.WrongUnit, text.Span, text.Text, $"{what} needs {UnitInfo.Describe(target.Dimension)}");
            return null;
        }
        return quantity.Unit.ConvertTo(quantity.Value, target);
    }

    /// <summary>Reads a duration in milliseconds: must have a time unit (BMS010), be positive and whole.</summary>
    public long? Duration(Located text, string timerName)
    {
        if (!QuantityParser.TryParse(text.Text, out var quantity, out var unitKnown))
        {
            _diagnostics.Report(DiagnosticRules.InvalidValue, text.Span, $"Timer '{timerName}' duration '{text.Text}' is not a number with a time unit");
            return null;
        }
        if (quantity.Unit is null && unitKnown)
        {
            _diagnostics.Report(DiagnosticRules.TimerWithoutUnit, text.Span, timerName, text.Text);
            return null;
        }
        if (quantity.Unit is null || quantity.Unit.Dimension != Dimension.Time)
        {
            _diagnostics.Report(DiagnosticRules.WrongUnit, text.Span, text.Text, $"timer '{timerName}' needs {UnitInfo.Describe(Dimension.Time)}");
            return null;
        }
        var ms = quantity.BaseValue * 1000.0;
        if (ms <= 0 || Math.Abs(ms - Math.Round(ms)) > 1e-9 || ms > long.MaxValue / 4)
        {
            _diagnostics.Report(DiagnosticRules.InvalidValue, text.Span, $"Timer '{timerName}' must be a positive whole number of milliseconds, not '{text.Text}'");
            return null;
        }
        return (long)Math.Round(ms);
    }

    /// <summary>Invariant text of a number, for messages.</summary>
    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
