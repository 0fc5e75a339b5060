using System;
using System.Collections.Generic;
using System.Globalization;
using BmsRules.Simulation;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Reads typed scalars from YAML nodes, reporting located problems.</summary>
internal sealed class ValueReader
{
    public ValueReader(Diagnostics diagnostics) => Diagnostics = diagnostics;

    public Diagnostics Diagnostics { get; }

    /// <summary>The scalar's text, or null (and a problem) when the node is not a scalar.</summary>
    public string? Scalar(YamlNode? node, string what)
    {
        if (node is YamlScalarNode { Value: { } text }) return text;
        Diagnostics.Add(node, $"{what} must be a single value, not a {Shape(node)}.");
        return null;
    }

    public string? Text(YamlMap map, string key, string what)
    {
        var node = map.Take(key);
        return node is null ? null : Scalar(node, what);
    }

    public double? Quantity(YamlNode? node, QuantityKind kind, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (QuantityText.TryParse(text, kind, out var value, out _, out var error)) return value;
        Diagnostics.Add(node, $"{what}: {error}");
        return null;
    }

    public double? Quantity(YamlMap map, string key, QuantityKind kind, string what)
    {
        var node = map.Take(key);
        return node is null ? null : Quantity(node, kind, what);
    }

    /// <summary>A quantity that must lie within [min, max] (base units).</summary>
    public double? Quantity(YamlMap map, string key, QuantityKind kind, string what, double min, double max, string range)
    {
        var node = map.Take(key);
        if (node is null) return null;
        var value = Quantity(node, kind, what);
        if (value is null) return null;
        if (value < min || value > max)
        {
            Diagnostics.Add(node, $"{what} must be {range}.");
            return null;
        }
        return value;
    }

    public Demand? Demand(YamlNode? node, string what)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (QuantityText.TryParse(text, QuantityKind.CurrentOrPower, out var value, out var isPower, out var error))
        {
            if (value < 0)
            {
                Diagnostics.Add(node, $"{what} cannot be negative.");
                return null;
            }
            return new Demand(value, isPower);
        }
        Diagnostics.Add(node, $"{what}: {error}");
        return null;
    }

    public Demand? Demand(YamlMap map, string key, string what)
    {
        var node = map.Take(key);
        return node is null ? null : Demand(node, what);
    }

    /// <summary>A time in milliseconds; "end" gives <paramref name="end"/> when allowed.</summary>
    public long? Time(YamlNode? node, string what, long? end = null)
    {
        var text = Scalar(node, what);
        return text is null ? null : TimeText(text, node!, what, end);
    }

    /// <summary>A time written as <paramref name="text"/> at <paramref name="node"/>.</summary>
    public long? TimeText(string text, YamlNode node, string what, long? end = null)
    {
        if (end is not null && text.Trim() is "end" or "End") return end;
        if (QuantityText.TryParse(text, QuantityKind.Time, out var ms, out _, out var error))
        {
            if (ms < 0)
            {
                Diagnostics.Add(node, $"{what} cannot be negative.");
                return null;
            }
            return (long)Math.Round(ms);
        }
        Diagnostics.Add(node, $"{what}: {error}" + (end is not null ? " ('end' is the end of the run.)" : ""));
        return null;
    }

    public long? Time(YamlMap map, string key, string what)
    {
        var node = map.Take(key);
        return node is null ? null : Time(node, what);
    }

    /// <summary>One of <paramref name="words"/> (index = value; every word of a row means that value), case-insensitive.</summary>
    public int? Choice(YamlNode? node, string what, IReadOnlyList<string[]> words)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        var index = Match(text, words);
        if (index >= 0) return index;
        var expected = new List<string>();
        foreach (var row in words) expected.Add("'" + row[0] + "'");
        Diagnostics.Add(node, $"{what}: '{text}' is not one of {string.Join(", ", expected)}.");
        return null;
    }

    public int? Choice(YamlMap map, string key, string what, IReadOnlyList<string[]> words)
    {
        var node = map.Take(key);
        return node is null ? null : Choice(node, what, words);
    }

    public bool? Bool(YamlMap map, string key, string what) => Choice(map, key, what, Controls.ControlCatalog.OnOff) is { } i ? i == 1 : null;

    public int? Integer(YamlNode? node, string what, int min, int max)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Diagnostics.Add(node, $"{what} must be a whole number from {min} to {max}, not '{text}'.");
        return null;
    }

    public int? Integer(YamlMap map, string key, string what, int min, int max)
    {
        var node = map.Take(key);
        return node is null ? null : Integer(node, what, min, max);
    }

    /// <summary>Index of the row containing <paramref name="text"/> (case-insensitive, '-' '_' ' ' ignored), or −1.</summary>
    public static int Match(string text, IReadOnlyList<string[]> words)
    {
        var t = Normalise(text);
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var w in words[i])
            {
                if (Normalise(w) == t) return i;
            }
        }
        return -1;
    }

    /// <summary>Lower case without '-', '_' and spaces.</summary>
    public static string Normalise(string s)
    {
        var chars = new List<char>(s.Length);
        foreach (var c in s.Trim())
        {
            if (c is '-' or '_' or ' ') continue;
            chars.Add(char.ToLowerInvariant(c));
        }
        return new string(chars.ToArray());
    }

    public static string Shape(YamlNode? node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        null => "missing value",
        _ => "value",
    };
}
