using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;
using BmsRules.Products;
using BmsRules.Runtime.Introspection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>
/// Reads a scenario file into a <see cref="Scenario"/>. Every problem — YAML syntax, unknown keys,
/// bad units, impossible banks, unknown names — is collected with its line and column and thrown
/// together as a <see cref="ScenarioException"/>.
/// </summary>
internal static class ScenarioParser
{
    public static readonly string[] Keys = { "scenario", "description", "covers", "product", "step", "duration", "settings", "bank", "system", "timeline", "expect" };

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in messages.</summary>
    public static Scenario Parse(string text, string file)
    {
        var diagnostics = new Diagnostics(file);
        var r = new ValueReader(diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(ex.Start, "YAML syntax: " + Inner(ex));
            throw new ScenarioException(diagnostics.List);
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(Mark.Empty, "The file is empty; a scenario starts with 'scenario: NAME'.");
            throw new ScenarioException(diagnostics.List);
        }
        var map = YamlMap.From(stream.Documents[0].RootNode, diagnostics, "the scenario");
        if (map is null) throw new ScenarioException(diagnostics.List);

        var nameNode = map.Take("scenario");
        if (nameNode is null) diagnostics.Add(map.Node, "A scenario needs 'scenario: NAME' (what it shows).");
        var name = nameNode is null ? Path.GetFileNameWithoutExtension(file) : r.Scalar(nameNode, "scenario") ?? "";
        var description = map.Take("description") is { } dn ? r.Scalar(dn, "description") : null;
        var covers = ReadCovers(map.Take("covers"), r);

        var descriptor = ReadProduct(map, r);
        if (descriptor is null) throw new ScenarioException(diagnostics.List);

        var step = map.Take("step") is { } sn ? r.Time(sn, "step") : 100;
        if (step is not null && (step < 1 || step > 60_000))
        {
            diagnostics.Add(map.KeyNode("step"), "step must be between 1 ms and 60 s.");
            step = null;
        }
        var durationNode = map.Take("duration");
        var duration = durationNode is null ? null : r.Time(durationNode, "duration");
        if (duration is not null && (duration <= 0 || duration > 400L * 86_400_000))
        {
            diagnostics.Add(durationNode, "duration must be longer than 0 and at most 400 d.");
            duration = null;
        }

        var settings = ReadSettings(map.Take("settings"), descriptor, r);
        var system = new SystemConfiguration();
        var bankOk = BankParser.Read(map.Take("bank"), map.KeyNode("bank"), system.Bank, r);
        SystemParser.Read(map.Take("system"), (YamlNode?)map.KeyNode("product") ?? map.Node, system, descriptor, r);
        var controls = new ControlCatalog(descriptor);
        var catalog = new ObservableCatalog(descriptor);
        var timelineNode = map.Take("timeline");
        var expectNode = map.Take("expect");
        var timeline = bankOk ? TimelineParser.Read(timelineNode, controls, system.Bank, duration, r) : new List<TimelineEvent>();
        var expectations = ExpectationParser.Read(expectNode, catalog, duration, r);
        map.Finish(Keys);

        if (bankOk) CheckCellObservables(system.Bank, r, expectNode);

        if (diagnostics.HasErrors) throw new ScenarioException(diagnostics.List.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());

        // Without a duration the run lasts until a minute after the last thing the scenario mentions.
        var end = duration ?? Math.Max(timeline.Count == 0 ? 0 : timeline[^1].AtMs,
            expectations.Count == 0 ? 0 : expectations.Max(e => e.ToMs == long.MaxValue ? e.FromMs : e.ToMs)) + 60_000;
        return new Scenario(file, name, description, covers, descriptor, step!.Value, end, settings, system, timeline, expectations);
    }

    private static string Inner(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && message.StartsWith('(') ? message.Substring(paren + 3) : message;
    }

    private static IReadOnlyList<string> ReadCovers(YamlNode? node, ValueReader r)
    {
        var result = new List<string>();
        if (node is null) return result;
        if (node is YamlSequenceNode seq)
        {
            foreach (var child in seq.Children)
            {
                if (r.Scalar(child, "covers") is { } id) result.Add(id.Trim());
            }
        }
        else if (r.Scalar(node, "covers") is { } one)
        {
            result.Add(one.Trim());
        }
        return result;
    }

    private static EngineDescriptor? ReadProduct(YamlMap map, ValueReader r)
    {
        var node = map.Take("product");
        if (node is null) return ProductRegistry.Products[0];
        var id = r.Scalar(node, "product");
        if (id is null) return null;
        foreach (var p in ProductRegistry.Products)
        {
            if (p.ProductId == id.Trim()) return p;
        }
        r.Diagnostics.Add(node, $"Unknown product '{id}'. Known: {string.Join(", ", ProductRegistry.Products.Select(p => p.ProductId))}.");
        return null;
    }

    private static IReadOnlyList<(int, double)> ReadSettings(YamlNode? node, EngineDescriptor descriptor, ValueReader r)
    {
        var result = new List<(int, double)>();
        if (node is null) return result;
        var map = YamlMap.From(node, r.Diagnostics, "settings");
        if (map is null) return result;
        foreach (var (key, keyNode, value) in new List<(string, YamlScalarNode, YamlNode)>(map.Rest()))
        {
            map.MarkTaken(key);
            var index = -1;
            for (var i = 0; i < descriptor.Settings.Count; i++)
            {
                if (descriptor.Settings[i].Name == key) index = i;
            }
            if (index < 0)
            {
                var known = descriptor.Settings.Select(s => s.Name).ToList();
                var hint = NameSuggester.Nearest(key, known) is { } s ? $" Did you mean '{s}'?" : "";
                r.Diagnostics.Add(keyNode, $"{descriptor.DisplayName} has no setting '{key}'.{hint} Settings: {string.Join(", ", known)}.");
                continue;
            }
            var setting = descriptor.Settings[index];
            var control = setting.IsBool
                ? new Control(key, "", ControlType.Choice, (_, _) => { }, _ => default, words: ControlCatalog.OnOff)
                : ControlCatalog.UnitControl(key, "", setting.Unit, (_, _) => { }, _ => default, canRelease: false);
            if (TimelineParser.ReadValue(value, control, r, ramp: false) is not { } v) continue;
            if (!setting.IsBool && (v.Value < setting.Min || v.Value > setting.Max))
            {
                r.Diagnostics.Add(value, $"Setting {key} must be between {control.Format(new ControlValue(setting.Min))} and {control.Format(new ControlValue(setting.Max))}.");
                continue;
            }
            result.Add((index, v.Value));
        }
        return result;
    }

    private static void CheckCellObservables(BankConfiguration bank, ValueReader r, YamlNode? expectNode)
    {
        // cell.B.C.* names are only known to exist once the bank is known.
        if (expectNode is not YamlSequenceNode list) return;
        foreach (var item in list.Children)
        {
            foreach (var key in Flatten(item))
            {
                var parts = key.Value!.Split('.');
                if (parts.Length == 4 && parts[0] == "cell" && int.TryParse(parts[1], out var b) && int.TryParse(parts[2], out var c)
                    && (b < 1 || b > bank.BatteryCount || c < 1 || c > bank.Battery.Cells))
                {
                    r.Diagnostics.Add(key, $"{key.Value}: the bank has batteries 1–{bank.BatteryCount} with cells 1–{bank.Battery.Cells}.");
                }
            }
        }
    }

    private static IEnumerable<YamlScalarNode> Flatten(YamlNode node)
    {
        if (node is not YamlMappingNode map) yield break;
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value is not null) yield return s;
            foreach (var inner in Flatten(v)) yield return inner;
        }
    }
}
