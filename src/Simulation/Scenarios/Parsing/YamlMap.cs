using System.Collections.Generic;
using System.Linq;
using BmsRules.Simulation.Observables;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>
/// A YAML mapping being read: values are taken by key, and whatever is left at <see cref="Finish"/>
/// is an unknown key, reported at its position with the known keys and a "did you mean".
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new();
    private readonly List<string> _order = new();
    private readonly HashSet<string> _taken = new();
    private readonly Diagnostics _diagnostics;

    private YamlMap(YamlMappingNode node, Diagnostics diagnostics, string where)
    {
        Node = node;
        _diagnostics = diagnostics;
        Where = where;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar || scalar.Value is null)
            {
                diagnostics.Add(key, $"A key in {where} must be a plain name.");
                continue;
            }
            if (!_entries.TryAdd(scalar.Value, (scalar, value)))
            {
                diagnostics.Add(key, $"'{scalar.Value}' is given twice in {where}.");
                continue;
            }
            _order.Add(scalar.Value);
        }
    }

    /// <summary>The mapping node.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Where it is, for messages ("bank", "timeline entry").</summary>
    public string Where { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping, or reports that it is not one.</summary>
    public static YamlMap? From(YamlNode? node, Diagnostics diagnostics, string where)
    {
        if (node is YamlMappingNode map) return new YamlMap(map, diagnostics, where);
        diagnostics.Add(node, $"{Capital(where)} must be a mapping of 'key: value' lines.");
        return null;
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Takes the value of <paramref name="key"/> (null when absent).</summary>
    public YamlNode? Take(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        _taken.Add(key);
        return entry.Value;
    }

    /// <summary>The key node of <paramref name="key"/>, for locating messages.</summary>
    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The keys not yet taken, in file order.</summary>
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Rest()
    {
        foreach (var key in _order)
        {
            if (_taken.Contains(key)) continue;
            var entry = _entries[key];
            yield return (key, entry.Key, entry.Value);
        }
    }

    /// <summary>Marks <paramref name="key"/> as read.</summary>
    public void MarkTaken(string key) => _taken.Add(key);

    /// <summary>Reports every key not taken as unknown; <paramref name="known"/> lists the keys allowed here.</summary>
    public void Finish(IReadOnlyCollection<string> known)
    {
        foreach (var (key, keyNode, _) in Rest().ToList())
        {
            var suggestion = NameSuggester.Nearest(key, known);
            var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
            _diagnostics.Add(keyNode, $"Unknown key '{key}' in {Where}.{hint} Known keys: {string.Join(", ", known)}.");
            _taken.Add(key);
        }
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
}
