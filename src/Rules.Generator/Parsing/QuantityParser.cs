using System.Globalization;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Parsing;

/// <summary>Reads "4.00 V", "-40 °C", "30 s", "3.1V" into a number and a unit symbol.</summary>
public static class QuantityParser
{
    /// <summary>
    /// Splits <paramref name="text"/> into a number and the unit text after it (empty when none).
    /// False when the text does not start with a number.
    /// </summary>
    public static bool TrySplit(string text, out double value, out string unitText)
    {
        value = 0;
        unitText = "";
        var s = text.Trim();
        var end = NumberLength(s, 0);
        if (end == 0) return false;
        if (!double.TryParse(s.Substring(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        unitText = s.Substring(end).Trim();
        return true;
    }

    /// <summary>The length of the number (sign, digits, point, exponent) at <paramref name="start"/>; 0 if none.</summary>
    public static int NumberLength(string s, int start)
    {
        var i = start;
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
        var digits = 0;
        while (i < s.Length && char.IsDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '-' || s[j] == '+')) j++;
            var expDigits = 0;
            while (j < s.Length && char.IsDigit(s[j])) { j++; expDigits++; }
            if (expDigits > 0) i = j;
        }
        return i - start;
    }

    /// <summary>Parses a full quantity; <paramref name="unitKnown"/> is false when a unit is written but not recognised.</summary>
    public static bool TryParse(string text, out Quantity quantity, out bool unitKnown)
    {
        quantity = default;
        unitKnown = true;
        if (!TrySplit(text, out var value, out var unitText)) return false;
        UnitInfo? unit = null;
        if (unitText.Length > 0)
        {
            unit = UnitInfo.Find(unitText);
            unitKnown = unit is not null;
        }
        quantity = new Quantity(value, unit);
        return true;
    }
}
