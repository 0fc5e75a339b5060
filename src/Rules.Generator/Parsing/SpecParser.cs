using System;
using System.Collections.Generic;
using System.IO;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Generator.Parsing;

/// <summary>
/// Parses the spec's YAML into a <see cref="SpecDocument"/>: structure and keys only. Names,
/// units, expressions and rules are checked later by the validator.
/// </summary>
public static partial class SpecParser
{
    /// <summary>The format this parser reads (the spec's <c>format:</c> key).</summary>
    public const string Format = "bmsrules/1";

    private static readonly string[] ProvenanceKeys = { "source", "assumption", "covers", "override" };

    /// <summary>Parses <paramref name="text"/>; returns null when the YAML itself cannot be read.</summary>
    public static SpecDocument? Parse(string text, DiagnosticBag diagnostics)
    {
        var stream = YamlMap.Load(text, diagnostics);
        if (stream is null) return null;

        if (stream.Documents.Count == 0)
        {
            diagnostics.Report(DiagnosticRules.MissingKey, SourceSpan.FileStart, "The spec", "products");
            return null;
        }

        var root = YamlMap.Open(stream.Documents[0].RootNode, diagnostics, "the spec", "format", "namespace", "documents", "catalogue", "modules", "products");
        if (root is null) return null;

        var format = root.Required("format");
        if (format.Text.Length > 0 && format.Text != Format)
        {
            diagnostics.Report(DiagnosticRules.InvalidValue, format.Span, $"Unsupported format '{format.Text}'; this generator reads '{Format}'");
        }

        var ns = root.Scalar("namespace")?.Text ?? "BmsRules.Products";
        var products = new List<ProductSpec>();
        foreach (var node in root.Sequence("products"))
        {
            var product = ParseProduct(node, diagnostics);
            if (product is not null) products.Add(product);
        }
        if (root.Node("products") is null) diagnostics.Report(DiagnosticRules.MissingKey, root.Span, "The spec", "products");

        return new SpecDocument(ns, products.ToEquatableArray()) { Documents = ParseDocuments(root, diagnostics), Catalogue = root.Scalar("catalogue"), Modules = ParseModules(root, diagnostics) };
    }

    internal static string[] With(params string[] keys)
    {
        var all = new string[keys.Length + ProvenanceKeys.Length];
        keys.CopyTo(all, 0);
        ProvenanceKeys.CopyTo(all, keys.Length);
        return all;
    }

    internal static Provenance ReadProvenance(YamlMap map)
    {
        var sources = new List<string>();
        foreach (var source in map.ScalarOrList("source"))
        {
            if (!string.IsNullOrWhiteSpace(source.Text)) sources.Add(source.Text);
        }
        return new Provenance(sources.ToEquatableArray(), map.Text("assumption"), map.ScalarOrList("covers"))
        {
            Cited = map.ScalarOrList("source"), Entry = map.Span, Override = map.Scalar("override"),
        };
    }

    private static ProductSpec? ParseProduct(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a product", With("id", "name", "description", "catalogue", "use", "inputs",
            "settings", "timers", "thresholds", "bands", "signals", "machines", "outputs", "flags", "tables", "leds", "codes", "vebus", "board"));
        return map is null ? null : ParseRules(map, d, map.Required("id"));
    }

    /// <summary>The sections of a product or a module (a module has no catalogue and no name).</summary>
    private static ProductSpec ParseRules(YamlMap map, DiagnosticBag d, Located id)
    {
        return new ProductSpec(
            id,
            map.Text("name") ?? "",
            map.Text("description"),
            ReadProvenance(map),
            Items(map, "catalogue", d, ParseCatalogueEntry),
            Items(map, "inputs", d, ParseInput),
            Items(map, "settings", d, ParseSetting),
            Items(map, "timers", d, ParseTimer),
            Items(map, "thresholds", d, ParseThreshold),
            Items(map, "bands", d, ParseBand),
            Items(map, "signals", d, ParseSignal),
            Items(map, "machines", d, ParseMachine),
            Items(map, "outputs", d, ParseOutput),
            Items(map, "flags", d, ParseFlag),
            Items(map, "tables", d, (n, bag) => ParseTable(n, bag, isLed: false)),
            Items(map, "leds", d, (n, bag) => ParseTable(n, bag, isLed: true)),
            Items(map, "codes", d, ParseCode),
            map.Node("vebus") is { } vebus ? ParseVeBus(vebus, d) : null,
            map.Node("board") is { } board ? BoardParser.Parse(board, d) : null) { Use = map.ScalarOrList("use") };
    }

    private static EquatableArray<T> Items<T>(YamlMap map, string key, DiagnosticBag d, Func<YamlNode, DiagnosticBag, T?> parse)
        where T : class, IEquatable<T>
    {
        var items = new List<T>();
        foreach (var node in map.Sequence(key))
        {
            var item = parse(node, d);
            if (item is not null) items.Add(item);
        }
        return items.ToEquatableArray();
    }

    private static CatalogueEntry? ParseCatalogueEntry(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a catalogue entry", "id", "by", "note");
        if (map is null) return null;
        var by = map.Required("by");
        if (by.Text.Length > 0 && Array.IndexOf(new[] { "engine", "simulator", "vebus-link", "out-of-scope" }, by.Text) < 0)
        {
            d.Report(DiagnosticRules.InvalidValue, by.Span, $"'by' must be engine, simulator, vebus-link or out-of-scope, not '{by.Text}'");
        }
        var note = map.Text("note");
        if (by.Text is "out-of-scope" or "simulator" or "vebus-link" && string.IsNullOrWhiteSpace(note))
        {
            d.Report(DiagnosticRules.MissingKey, map.Span, $"catalogue entry handled by {by.Text}", "note");
        }
        return new CatalogueEntry(map.Required("id"), by.Text, note);
    }

    private static InputSpec? ParseInput(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "an input", With("name", "type", "unit", "range", "stale_after",
            "invalid_code", "required_when", "description"));
        if (map is null) return null;
        var name = map.Required("name");
        var type = map.Required("type");
        var kind = InputKind.Number;
        switch (type.Text)
        {
            case "number": kind = InputKind.Number; break;
            case "bool": kind = InputKind.Bool; break;
            case "sequence": kind = InputKind.Sequence; break;
            case "": break;
            default:
                d.Report(DiagnosticRules.InvalidValue, type.Span, $"Input type must be number, bool or sequence, not '{type.Text}'");
                break;
        }

        Located? min = null, max = null;
        var rangeNode = map.Node("range");
        if (rangeNode is not null)
        {
            var range = YamlMap.Open(rangeNode, d, $"the range of input '{name.Text}'", "min", "max");
            min = range?.Required("min");
            max = range?.Required("max");
        }

        if (kind == InputKind.Number)
        {
            if (map.Node("unit") is null) d.Report(DiagnosticRules.MissingUnit, name.Span, name.Text, "a number input", "a unit ('unit:')");
            if (rangeNode is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Number input '{name.Text}'", "range");
            if (map.Node("invalid_code") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Number input '{name.Text}'", "invalid_code");
        }
        if (kind == InputKind.Sequence)
        {
            if (map.Node("stale_after") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Sequence input '{name.Text}'", "stale_after");
            if (map.Node("invalid_code") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Sequence input '{name.Text}'", "invalid_code");
        }
        if (kind == InputKind.Bool)
        {
            foreach (var key in new[] { "unit", "range", "stale_after", "invalid_code" })
            {
                if (map.Node(key) is { } extra) d.Report(DiagnosticRules.InvalidValue, YamlMap.SpanOf(extra), $"A bool input has no '{key}'");
            }
        }

        return new InputSpec(name, kind, map.Scalar("unit"), min, max, map.Scalar("stale_after"),
            map.Scalar("invalid_code"), map.Scalar("required_when"), map.Text("description"), ReadProvenance(map));
    }

    private static SettingSpec? ParseSetting(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a setting", With("name", "type", "unit", "default", "min", "max", "invalid_code", "description"));
        if (map is null) return null;
        var name = map.Required("name");
        var type = map.Required("type");
        var isBool = type.Text == "bool";
        if (type.Text.Length > 0 && type.Text is not ("bool" or "number"))
        {
            d.Report(DiagnosticRules.InvalidValue, type.Span, $"Setting type must be number or bool, not '{type.Text}'");
        }
        var dflt = map.Required("default");
        if (!isBool)
        {
            if (map.Node("unit") is null) d.Report(DiagnosticRules.MissingUnit, name.Span, name.Text, "a number setting", "a unit ('unit:')");
            if (map.Node("min") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Number setting '{name.Text}'", "min");
            if (map.Node("max") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Number setting '{name.Text}'", "max");
            if (map.Node("invalid_code") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Number setting '{name.Text}'", "invalid_code");
        }
        return new SettingSpec(name, isBool, map.Scalar("unit"), dflt, map.Scalar("min"), map.Scalar("max"),
            map.Scalar("invalid_code"), map.Text("description"), ReadProvenance(map));
    }

    private static TimerSpec? ParseTimer(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a timer", With("name", "duration", "description"));
        if (map is null) return null;
        return new TimerSpec(map.Required("name"), map.Required("duration"), map.Text("description"), ReadProvenance(map));
    }

    private static ThresholdSpec? ParseThreshold(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a threshold", With("name", "input", "trip", "release", "description"));
        if (map is null) return null;
        return new ThresholdSpec(map.Required("name"), map.Required("input"), map.Required("trip"), map.Required("release"),
            map.Text("description"), ReadProvenance(map));
    }

    private static BandSpec? ParseBand(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a band", With("name", "input", "home", "hysteresis", "zones", "description"));
        if (map is null) return null;
        var zones = new List<ZoneSpec>();
        foreach (var zoneNode in map.Sequence("zones"))
        {
            var zone = YamlMap.Open(zoneNode, d, "a zone", "name", "from", "to");
            if (zone is not null) zones.Add(new ZoneSpec(zone.Required("name"), zone.Scalar("from"), zone.Scalar("to")));
        }
        return new BandSpec(map.Required("name"), map.Required("input"), map.Required("home"), map.Required("hysteresis"),
            zones.ToEquatableArray(), map.Text("description"), ReadProvenance(map));
    }

    private static SignalSpec? ParseSignal(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a signal", With("name", "when", "description"));
        if (map is null) return null;
        return new SignalSpec(map.Required("name"), map.Required("when"), map.Text("description"), ReadProvenance(map));
    }

    private static MachineSpec? ParseMachine(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a machine", With("name", "initial", "states", "transitions", "description", "extend"));
        if (map is null) return null;
        var extend = map.Scalar("extend");
        var states = new List<StateSpec>();
        foreach (var stateNode in map.Sequence("states"))
        {
            var state = YamlMap.Open(stateNode, d, "a state", "name", "description");
            if (state is not null) states.Add(new StateSpec(state.Required("name"), state.Text("description")));
        }
        var transitions = new List<TransitionSpec>();
        foreach (var transitionNode in map.Sequence("transitions"))
        {
            var t = YamlMap.Open(transitionNode, d, "a transition", With("trigger", "from", "to", "when", "after", "description", "before"));
            if (t is null) continue;
            var from = t.ScalarOrList("from");
            if (t.Node("from") is null) d.Report(DiagnosticRules.MissingKey, t.Span, "A transition", "from");
            transitions.Add(new TransitionSpec(t.Required("trigger"), from, t.Required("to"), t.Required("when"),
                t.Scalar("after"), t.Text("description"), ReadProvenance(t)) { Before = t.Scalar("before") });
        }
        // An extension takes the initial state of the machine it extends.
        var initial = extend is null ? map.Required("initial") : map.Scalar("initial") ?? new Located("", map.Span);
        return new MachineSpec(map.Required("name"), initial, states.ToEquatableArray(),
            transitions.ToEquatableArray(), map.Text("description"), ReadProvenance(map)) { Extend = extend };
    }

    private static OutputSpec? ParseOutput(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "an output", With("name", "label", "high_when", "description"));
        if (map is null) return null;
        return new OutputSpec(map.Required("name"), map.Text("label"), map.Required("high_when"), map.Text("description"), ReadProvenance(map));
    }

    private static FlagSpec? ParseFlag(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a flag", With("name", "when", "description"));
        if (map is null) return null;
        return new FlagSpec(map.Required("name"), map.Required("when"), map.Text("description"), ReadProvenance(map));
    }

    private static TableSpec? ParseTable(YamlNode node, DiagnosticBag d, bool isLed)
    {
        var map = isLed
            ? YamlMap.Open(node, d, "an LED", With("name", "label", "colour", "patterns", "columns", "rows", "description"))
            : YamlMap.Open(node, d, "a table", With("name", "unit", "values", "columns", "rows", "description"));
        if (map is null) return null;
        var name = map.Required("name");

        var patterns = new List<PatternSpec>();
        foreach (var patternNode in map.Sequence("patterns"))
        {
            var p = YamlMap.Open(patternNode, d, "a pattern", "name", "period", "on_for");
            if (p is not null) patterns.Add(new PatternSpec(p.Required("name"), p.Scalar("period"), p.Scalar("on_for")));
        }

        var columns = new List<ColumnSpec>();
        foreach (var pair in map.Pairs("columns"))
        {
            if (pair.Key is YamlScalarNode key && pair.Value is YamlScalarNode value)
            {
                columns.Add(new ColumnSpec(YamlMap.LocatedOf(key), YamlMap.LocatedOf(value)));
            }
            else
            {
                d.Report(DiagnosticRules.InvalidValue, YamlMap.SpanOf(pair.Value), "Each column is 'Name: condition'");
            }
        }
        if (map.Node("columns") is null) d.Report(DiagnosticRules.MissingKey, name.Span, $"Table '{name.Text}'", "columns");

        var rows = new List<RowSpec>();
        foreach (var rowNode in map.Sequence("rows"))
        {
            if (rowNode is not YamlMappingNode rowMap)
            {
                d.Report(DiagnosticRules.InvalidValue, YamlMap.SpanOf(rowNode), "A row is a mapping of column values and 'then'");
                continue;
            }
            var cells = new List<RowCell>();
            Located? then = null;
            foreach (var cell in rowMap.Children)
            {
                if (cell.Key is not YamlScalarNode cellKey || cell.Value is not YamlScalarNode cellValue)
                {
                    d.Report(DiagnosticRules.InvalidValue, YamlMap.SpanOf(cell.Value), "Row entries are single values");
                    continue;
                }
                if (cellKey.Value == "then") then = YamlMap.LocatedOf(cellValue);
                else cells.Add(new RowCell(YamlMap.LocatedOf(cellKey), YamlMap.LocatedOf(cellValue)));
            }
            var rowSpan = YamlMap.SpanOf(rowNode);
            if (then is null)
            {
                d.Report(DiagnosticRules.MissingKey, rowSpan, $"A row of '{name.Text}'", "then");
                continue;
            }
            rows.Add(new RowSpec(cells.ToEquatableArray(), then, rowSpan));
        }

        return new TableSpec(name, map.Text("label"), map.Text("colour"), map.Scalar("unit"),
            map.ScalarOrList("values"), patterns.ToEquatableArray(), columns.ToEquatableArray(), rows.ToEquatableArray(),
            isLed, map.Text("description"), ReadProvenance(map));
    }

    private static CodeSpec? ParseCode(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a code", With("id", "name", "severity", "text", "when"));
        if (map is null) return null;
        return new CodeSpec(map.Required("id"), map.Required("name"), map.Required("severity"), map.Required("text").Text,
            map.Scalar("when"), ReadProvenance(map));
    }

    private static VeBusSpec? ParseVeBus(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "the vebus section", With("provisional", "description", "address", "command", "send_when",
            "low_power_when", "normal_interval", "low_power_interval", "fields"));
        if (map is null) return null;
        var fields = new List<VeBusFieldSpec>();
        foreach (var fieldNode in map.Sequence("fields"))
        {
            var f = YamlMap.Open(fieldNode, d, "a vebus field", "name", "flag", "value", "byte", "bit", "bytes");
            if (f is null) continue;
            fields.Add(new VeBusFieldSpec(f.Required("name"), f.Scalar("flag"), f.Scalar("value"), f.Required("byte"), f.Scalar("bit"), f.Scalar("bytes")));
        }
        return new VeBusSpec(map.Span, map.Scalar("provisional"), map.Text("description"), map.Required("address"), map.Required("command"),
            map.Required("send_when"), map.Required("low_power_when"), map.Required("normal_interval"), map.Required("low_power_interval"),
            fields.ToEquatableArray(), ReadProvenance(map));
    }
}
