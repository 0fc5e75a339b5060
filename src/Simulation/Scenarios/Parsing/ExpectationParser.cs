using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Observables;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Reads <c>expect:</c>, a list of expectations.</summary>
internal static class ExpectationParser
{
    public static readonly string[] TimingKeys = { "at", "within", "always", "never", "first" };
    public static readonly string[] Keys = { "name", "at", "within", "always", "never", "first", "then", "at_least", "at_most", "from" };
    private static readonly string[][] BoolWords =
    {
        new[] { "false", "no", "off", "inactive", "cleared" },
        new[] { "true", "yes", "on", "active", "raised" },
    };

    public static List<Expectation> Read(YamlNode? node, ObservableCatalog catalog, long? durationMs, ValueReader r)
    {
        var result = new List<Expectation>();
        if (node is null) return result;
        if (node is not YamlSequenceNode list)
        {
            r.Diagnostics.Add(node, "expect must be a list of expectations ('- at: 1 h' …).");
            return result;
        }
        foreach (var item in list.Children)
        {
            var map = YamlMap.From(item, r.Diagnostics, "expectation");
            if (map is null) continue;
            var line = item.Start.Line;
            var name = map.Take("name") is { } nameNode ? r.Scalar(nameNode, "name") : null;
            name ??= "line " + line.ToString(CultureInfo.InvariantCulture);

            var timing = new List<string>();
            foreach (var k in TimingKeys)
            {
                if (map.Has(k)) timing.Add(k);
            }
            if (timing.Count != 1)
            {
                r.Diagnostics.Add(item, timing.Count == 0
                    ? "An expectation needs one of 'at: T', 'within: [A, B]', 'always: [A, B]', 'never: [A, B]' or 'first: {…} then: {…}'."
                    : $"An expectation takes one of at, within, always, never, first; this one has {string.Join(" and ", timing)}.");
                map.Finish(Keys);
                continue;
            }
            var kind = timing[0];
            var end = durationMs ?? long.MaxValue;
            Expectation? e = null;
            if (kind == "first")
            {
                var first = ReadCondition(map.Take("first"), "first", catalog, r);
                var thenNode = map.Take("then");
                if (thenNode is null) r.Diagnostics.Add(item, "'first' needs 'then': the condition that must follow it.");
                var then = thenNode is null ? null : ReadCondition(thenNode, "then", catalog, r);
                var atLeast = map.Take("at_least") is { } al ? r.Time(al, "at_least") : 0;
                var atMost = map.Take("at_most") is { } am ? r.Time(am, "at_most") : long.MaxValue;
                var fromNode = map.Take("from");
                var from = fromNode is null ? 0 : r.Time(fromNode, "from");
                if (from is not null && durationMs is { } d0 && from > d0)
                {
                    r.Diagnostics.Add(fromNode, $"from {TimeText.Span(from.Value)} is after the end of the run ({TimeText.Span(d0)}).");
                    from = null;
                }
                map.Finish(Keys);
                if (first is not null && then is not null && atLeast is not null && atMost is not null && from is not null)
                {
                    e = new SequenceExpectation(name, line, item.Start.Column, from.Value, end, first, then, atLeast.Value, atMost.Value);
                }
            }
            else
            {
                var timeNode = map.Take(kind)!;
                foreach (var k in new[] { "then", "at_least", "at_most", "from" })
                {
                    if (map.Take(k) is { } stray) r.Diagnostics.Add(stray, $"'{k}' belongs to a 'first'/'then' expectation.");
                }
                var given = map.Rest().Count();
                var clauses = ReadClauses(map, catalog, r);
                if (given == 0)
                {
                    r.Diagnostics.Add(item, "An expectation needs at least one thing to check, e.g. 'output.LoadDisconnect: Floating'.");
                }
                long from, to;
                if (kind == "at")
                {
                    if (r.Time(timeNode, "at", durationMs) is not { } at) continue;
                    from = to = at;
                }
                else if (!ReadInterval(timeNode, kind, durationMs, r, out from, out to))
                {
                    continue;
                }
                if (durationMs is { } d && (from > d || to > d))
                {
                    r.Diagnostics.Add(timeNode, $"{kind} reaches past the end of the run ({TimeText.Span(d)}).");
                    continue;
                }
                if (clauses.Count == 0) continue;
                var condition = new Condition(clauses);
                e = kind switch
                {
                    "at" => new AtExpectation(name, line, item.Start.Column, from, condition),
                    "within" => new WithinExpectation(name, line, item.Start.Column, from, to, condition),
                    "always" => new AlwaysExpectation(name, line, item.Start.Column, from, to, condition),
                    _ => new NeverExpectation(name, line, item.Start.Column, from, to, condition),
                };
            }
            if (e is not null) result.Add(e);
        }
        return result;
    }

    /// <summary>[A, B], {from: A, to: B}, or 'run' (the whole run). B may be 'end'.</summary>
    private static bool ReadInterval(YamlNode node, string kind, long? durationMs, ValueReader r, out long from, out long to)
    {
        from = 0;
        to = durationMs ?? long.MaxValue;
        if (node is YamlScalarNode { Value: { } text } && text.Trim() is "run" or "whole run")
        {
            if (durationMs is null)
            {
                r.Diagnostics.Add(node, "'run' needs the scenario's 'duration'.");
                return false;
            }
            return true;
        }
        // The ends as (text, where it is written).
        (string Text, YamlNode At)? a = null, b = null;
        if (node is YamlScalarNode { Value: { } range } && range.Contains("..", System.StringComparison.Ordinal))
        {
            var parts = range.Split("..");
            if (parts.Length == 2)
            {
                a = (parts[0].Trim(), node);
                b = (parts[1].Trim(), node);
            }
        }
        else if (node is YamlSequenceNode seq && seq.Children.Count == 2)
        {
            a = End(seq.Children[0], r, kind);
            b = End(seq.Children[1], r, kind);
            if (a is null || b is null) return false;
        }
        else if (node is YamlMappingNode)
        {
            var map = YamlMap.From(node, r.Diagnostics, kind)!;
            var fromNode = map.Take("from");
            var toNode = map.Take("to");
            map.Finish(new[] { "from", "to" });
            if (fromNode is not null) a = End(fromNode, r, kind);
            if (toNode is not null) b = End(toNode, r, kind);
            if ((fromNode is not null && a is null) || (toNode is not null && b is null)) return false;
        }
        if (a is null || b is null)
        {
            r.Diagnostics.Add(node, $"{kind} takes an interval: [from, to] (e.g. [10 min, 2 h] or [0 s, end]), '10 min .. 2 h', or 'run' for the whole run.");
            return false;
        }
        if (durationMs is null && (a.Value.Text == "end" || b.Value.Text == "end"))
        {
            r.Diagnostics.Add(node, "'end' needs the scenario's 'duration'.");
            return false;
        }
        var f = r.TimeText(a.Value.Text, a.Value.At, kind + " from", durationMs);
        var t = r.TimeText(b.Value.Text, b.Value.At, kind + " to", durationMs);
        if (f is null || t is null) return false;
        if (t < f)
        {
            r.Diagnostics.Add(node, $"{kind}: the interval ends ({TimeText.Span(t.Value)}) before it starts ({TimeText.Span(f.Value)}).");
            return false;
        }
        from = f.Value;
        to = t.Value;
        return true;
    }

    private static (string, YamlNode)? End(YamlNode node, ValueReader r, string kind) =>
        r.Scalar(node, kind) is { } text ? (text.Trim(), node) : null;

    private static Condition? ReadCondition(YamlNode? node, string what, ObservableCatalog catalog, ValueReader r)
    {
        var map = YamlMap.From(node, r.Diagnostics, $"'{what}'");
        if (map is null) return null;
        var given = map.Rest().Count();
        var clauses = ReadClauses(map, catalog, r);
        if (given == 0) r.Diagnostics.Add(node, $"'{what}' needs at least one thing to check, e.g. 'output.PreAlarm: High'.");
        return clauses.Count == 0 || clauses.Count < given ? null : new Condition(clauses);
    }

    private static List<Clause> ReadClauses(YamlMap map, ObservableCatalog catalog, ValueReader r)
    {
        var clauses = new List<Clause>();
        foreach (var (key, keyNode, value) in new List<(string, YamlScalarNode, YamlNode)>(map.Rest()))
        {
            map.MarkTaken(key);
            if (!catalog.TryGet(key, out var observable))
            {
                var hint = catalog.Suggest(key) is { } s ? $" Did you mean '{s}'?" : "";
                r.Diagnostics.Add(keyNode, $"Unknown key or observable '{key}'.{hint} Expectations take name, at, within, always, never, first/then, and observables such as output.NAME, flag.NAME, state.MACHINE, led.NAME, code.ID, multi.state, bank.soc (see docs/scenarios.md).");
                continue;
            }
            if (ReadMatcher(value, observable, r) is { } matcher) clauses.Add(new Clause(observable, matcher));
        }
        return clauses;
    }

    /// <summary>Reads the expected value of <paramref name="o"/>: a name, "not NAME", a list of names, true/false, or a comparison.</summary>
    public static ValueMatcher? ReadMatcher(YamlNode node, Observable o, ValueReader r)
    {
        switch (o.Kind)
        {
            case ValueKind.Enum:
                return ReadEnum(node, o, r);
            case ValueKind.Bool:
                var b = r.Choice(node, o.Name, BoolWords);
                return b is null ? null : new BoolMatcher(b == 1);
            default:
                return ReadNumber(node, o, r);
        }
    }

    private static ValueMatcher? ReadEnum(YamlNode node, Observable o, ValueReader r)
    {
        var words = new List<string[]>();
        foreach (var n in o.ValueNames) words.Add(new[] { n });
        var negated = false;
        var texts = new List<(YamlNode Node, string Text)>();
        if (node is YamlSequenceNode seq)
        {
            foreach (var child in seq.Children)
            {
                if (r.Scalar(child, o.Name) is { } t) texts.Add((child, t));
            }
        }
        else if (r.Scalar(node, o.Name) is { } text)
        {
            var t = text.Trim();
            if (t.StartsWith("not ", System.StringComparison.OrdinalIgnoreCase))
            {
                negated = true;
                t = t.Substring(4);
            }
            else if (t.StartsWith('!'))
            {
                negated = true;
                t = t.Substring(1);
            }
            texts.Add((node, t));
        }
        if (texts.Count == 0) return null;
        var indices = new List<int>();
        foreach (var (n, t) in texts)
        {
            var i = ValueReader.Match(t, words);
            if (i < 0)
            {
                r.Diagnostics.Add(n, $"{o.Name} has no value '{t}'; it is one of {string.Join(", ", o.ValueNames)}.");
                return null;
            }
            indices.Add(i);
        }
        return new EnumMatcher(indices, negated);
    }

    private static ValueMatcher? ReadNumber(YamlNode node, Observable o, ValueReader r)
    {
        var text = r.Scalar(node, o.Name);
        if (text is null) return null;
        var t = text.Trim();
        var range = t.IndexOf("..", System.StringComparison.Ordinal);
        if (range > 0)
        {
            var a = ReadAmount(node, t.Substring(0, range), o, r);
            var b = ReadAmount(node, t.Substring(range + 2), o, r);
            return a is null || b is null ? null : new NumberMatcher(Comparison.Between, a.Value, b.Value);
        }
        var (op, rest) = t switch
        {
            _ when t.StartsWith("<=", System.StringComparison.Ordinal) => (Comparison.LessOrEqual, t.Substring(2)),
            _ when t.StartsWith(">=", System.StringComparison.Ordinal) => (Comparison.GreaterOrEqual, t.Substring(2)),
            _ when t.StartsWith("!=", System.StringComparison.Ordinal) => (Comparison.NotEqual, t.Substring(2)),
            _ when t.StartsWith("==", System.StringComparison.Ordinal) => (Comparison.Equal, t.Substring(2)),
            _ when t.StartsWith('<') => (Comparison.Less, t.Substring(1)),
            _ when t.StartsWith('>') => (Comparison.Greater, t.Substring(1)),
            _ when t.StartsWith('=') => (Comparison.Equal, t.Substring(1)),
            _ => (Comparison.Equal, t),
        };
        var value = ReadAmount(node, rest, o, r);
        return value is null ? null : new NumberMatcher(op, value.Value);
    }

    private static double? ReadAmount(YamlNode node, string text, Observable o, ValueReader r)
    {
        // A bare number is in the observable's own unit (bank.soc: "> 50" means 50 %).
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bare)) return bare;
        var (kind, scale) = ControlCatalog.UnitKind(o.Unit);
        if (kind is null)
        {
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)) return plain;
            r.Diagnostics.Add(node, $"{o.Name}: '{text.Trim()}' is not a number.");
            return null;
        }
        if (QuantityText.TryParse(text, kind.Value, out var value, out _, out var error)) return value * scale;
        r.Diagnostics.Add(node, $"{o.Name}: {error} Write a comparison such as '< 3.0 {o.Unit}', '>= 2.8 {o.Unit}' or a range '3.2 {o.Unit} .. 3.4 {o.Unit}'.");
        return null;
    }
}
