using System;
using System.Globalization;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>
/// Reads the quantities a scenario writes: "90 s", "1 h 30 min", "00:15:00", "13.2 V", "50 A",
/// "300 W", "-5 °C", "30 %", "1.2 mΩ". Values come back in base units (s → ms for times, V, A, W,
/// °C, fractions for %, Ah, Ω); a power is flagged so loads can be given in amps or watts.
/// </summary>
internal static class QuantityText
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="kind"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, QuantityKind kind, out double value, out bool isPower, out string error)
    {
        value = 0;
        isPower = false;
        error = "";
        var s = text.Trim();
        if (kind == QuantityKind.Time) return TryParseTime(s, out value, out error);

        if (!Split(s, out var number, out var unit))
        {
            error = $"'{text}' is not a number with a unit; expected {Expected(kind)}.";
            return false;
        }
        var u = unit.Replace(" ", "", StringComparison.Ordinal);
        double? factor = kind switch
        {
            QuantityKind.Voltage => u switch { "V" => 1, "mV" => 0.001, _ => null },
            QuantityKind.Current => u switch { "A" => 1, "mA" => 0.001, _ => null },
            QuantityKind.Power => u switch { "W" => 1, "kW" => 1000, _ => null },
            QuantityKind.CurrentOrPower => u switch { "A" => 1, "mA" => 0.001, "W" => 1, "kW" => 1000, _ => null },
            QuantityKind.Temperature => u switch { "°C" or "C" or "degC" or "℃" => 1, _ => null },
            QuantityKind.TemperatureDelta => u switch { "°C" or "C" or "degC" or "K" or "℃" => 1, _ => null },
            QuantityKind.Percent => u switch { "%" => 0.01, _ => null },
            QuantityKind.Charge => u switch { "Ah" => 1, "mAh" => 0.001, _ => null },
            QuantityKind.Resistance => u switch { "Ω" or "ohm" or "Ohm" => 1, "mΩ" or "mohm" or "mOhm" => 0.001, _ => null },
            QuantityKind.PercentPerMonth => u switch { "%/month" or "%/mo" => 0.01, _ => null },
            QuantityKind.PercentPerDegree => u switch { "%/°C" or "%/C" or "%/K" or "%/degC" => 0.01, _ => null },
            _ => null,
        };
        if (factor is null)
        {
            error = u.Length == 0
                ? $"'{text}' has no unit; expected {Expected(kind)}."
                : $"'{unit}' is not a unit for {Describe(kind)}; expected {Expected(kind)}.";
            return false;
        }
        isPower = kind == QuantityKind.CurrentOrPower && (u == "W" || u == "kW");
        value = number * factor.Value;
        return true;
    }

    /// <summary>The units a kind accepts, for messages and docs.</summary>
    public static string Expected(QuantityKind kind) => kind switch
    {
        QuantityKind.Time => "a time such as '90 s', '15 min', '2 h', '1 h 30 min', '3 d' or '01:30:00'",
        QuantityKind.Voltage => "volts, e.g. '13.2 V' or '500 mV'",
        QuantityKind.Current => "amps, e.g. '20 A' or '9 mA'",
        QuantityKind.Power => "watts, e.g. '300 W' or '1.2 kW'",
        QuantityKind.CurrentOrPower => "amps or watts, e.g. '20 A' or '300 W'",
        QuantityKind.Temperature => "degrees Celsius, e.g. '-5 °C' or '20 C'",
        QuantityKind.TemperatureDelta => "a temperature difference, e.g. '2 °C'",
        QuantityKind.Percent => "a percentage, e.g. '30 %'",
        QuantityKind.Charge => "ampere-hours, e.g. '200 Ah'",
        QuantityKind.Resistance => "ohms, e.g. '1.2 mΩ' or '0.0012 ohm'",
        QuantityKind.PercentPerMonth => "a rate such as '3 %/month'",
        QuantityKind.PercentPerDegree => "a rate such as '3 %/°C'",
        _ => kind.ToString(),
    };

    private static string Describe(QuantityKind kind) => kind switch
    {
        QuantityKind.CurrentOrPower => "a load or source",
        QuantityKind.PercentPerMonth => "a self-discharge rate",
        QuantityKind.PercentPerDegree => "a temperature coefficient",
        QuantityKind.TemperatureDelta => "a temperature difference",
        QuantityKind.Charge => "a capacity",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private static bool Split(string s, out double number, out string unit)
    {
        number = 0;
        unit = "";
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        var digits = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
        {
            if (char.IsDigit(s[i])) digits++;
            i++;
        }
        if (digits == 0) return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E') && i + 1 < s.Length && (char.IsDigit(s[i + 1]) || s[i + 1] == '-' || s[i + 1] == '+'))
        {
            i += 2;
            while (i < s.Length && char.IsDigit(s[i])) i++;
        }
        if (!double.TryParse(s.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return false;
        unit = s.Substring(i).Trim();
        return true;
    }

    /// <summary>"90 s", "1.5 h", "1 h 30 min", "2 d 3 h", "00:15:00", "1:30:00.5", "0" → milliseconds.</summary>
    private static bool TryParseTime(string s, out double ms, out string error)
    {
        ms = 0;
        error = "";
        if (s == "0") return true;
        if (s.Contains(':', StringComparison.Ordinal)) return TryParseClock(s, out ms, out error);

        var rest = s;
        var parts = 0;
        while (rest.Length > 0)
        {
            var i = 0;
            while (i < rest.Length && (char.IsDigit(rest[i]) || rest[i] == '.')) i++;
            if (i == 0 || !double.TryParse(rest.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                error = $"'{s}' is not a time; expected {Expected(QuantityKind.Time)}.";
                return false;
            }
            rest = rest.Substring(i).TrimStart();
            var j = 0;
            while (j < rest.Length && char.IsLetter(rest[j])) j++;
            var unit = rest.Substring(0, j);
            rest = rest.Substring(j).TrimStart();
            double? factor = unit switch
            {
                "ms" => 1,
                "s" or "sec" or "secs" or "second" or "seconds" => 1000,
                "m" or "min" or "mins" or "minute" or "minutes" => 60_000,
                "h" or "hr" or "hrs" or "hour" or "hours" => 3_600_000,
                "d" or "day" or "days" => 86_400_000,
                _ => null,
            };
            if (factor is null)
            {
                error = unit.Length == 0
                    ? $"'{s}' has no unit; expected {Expected(QuantityKind.Time)}."
                    : $"'{unit}' is not a unit of time; expected {Expected(QuantityKind.Time)}.";
                return false;
            }
            ms += number * factor.Value;
            parts++;
        }
        if (parts == 0)
        {
            error = $"'{s}' is not a time; expected {Expected(QuantityKind.Time)}.";
            return false;
        }
        return true;
    }

    private static bool TryParseClock(string s, out double ms, out string error)
    {
        ms = 0;
        error = $"'{s}' is not a time of the form hh:mm:ss or mm:ss.";
        var fields = s.Split(':');
        if (fields.Length is < 2 or > 3) return false;
        double total = 0;
        for (var k = 0; k < fields.Length; k++)
        {
            var last = k == fields.Length - 1;
            if (!double.TryParse(fields[k], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v < 0) return false;
            if (!last && v != Math.Floor(v)) return false;
            if (k > 0 && v >= 60) return false;
            total = total * 60 + v;
        }
        ms = total * 1000;
        error = "";
        return true;
    }
}
