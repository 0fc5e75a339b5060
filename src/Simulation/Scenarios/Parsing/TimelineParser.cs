using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Reads <c>timeline:</c>, a list of events at times; repeated events (<c>every</c>) are expanded here.</summary>
internal static class TimelineParser
{
    public static readonly string[] EventKeys = { "at", "every", "until", "note", "set", "ramp", "over", "imbalance" };
    public static readonly string[] ImbalanceKeys = { "battery", "cell", "soc" };

    private const int MaxEvents = 200_000;

    public static List<TimelineEvent> Read(YamlNode? node, ControlCatalog controls, BankConfiguration bank, long? durationMs, ValueReader r)
    {
        var events = new List<TimelineEvent>();
        if (node is null) return events;
        if (node is not YamlSequenceNode list)
        {
            r.Diagnostics.Add(node, "timeline must be a list of events ('- at: 10 min' …).");
            return events;
        }
        foreach (var item in list.Children)
        {
            var map = YamlMap.From(item, r.Diagnostics, "timeline entry");
            if (map is null) continue;
            var atNode = map.Take("at");
            if (atNode is null) r.Diagnostics.Add(item, "A timeline entry needs 'at' (when it happens, e.g. 'at: 10 min').");
            var at = atNode is null ? null : r.Time(atNode, "at");
            var everyNode = map.Take("every");
            var every = everyNode is null ? null : r.Time(everyNode, "every");
            var untilNode = map.Take("until");
            var until = untilNode is null ? null : r.Time(untilNode, "until");
            var note = map.Take("note") is { } noteNode ? r.Scalar(noteNode, "note") : null;
            var actions = new List<TimelineAction>();
            if (map.Take("set") is { } setNode) ReadAssignments(setNode, "set", controls, r, actions, null);
            var rampNode = map.Take("ramp");
            var overNode = map.Take("over");
            if (rampNode is not null)
            {
                if (overNode is null) r.Diagnostics.Add(rampNode, "A ramp needs 'over' (how long it takes, e.g. 'over: 30 min').");
                var over = overNode is null ? null : r.Time(overNode, "over");
                if (over is { } o) ReadAssignments(rampNode, "ramp", controls, r, actions, o);
            }
            else if (overNode is not null)
            {
                r.Diagnostics.Add(overNode, "'over' belongs to a 'ramp'; this entry has none.");
            }
            if (map.Take("imbalance") is { } imbalanceNode) ReadImbalance(imbalanceNode, bank, r, actions);

            // Anything else is a control set directly: "- { at: 1 h, mains: on }".
            foreach (var (key, keyNode, value) in new List<(string, YamlScalarNode, YamlNode)>(map.Rest()))
            {
                if (controls.TryGet(key, out var control))
                {
                    map.MarkTaken(key);
                    if (ReadValue(value, control, r, ramp: false) is { } v) actions.Add(new SetAction(control, v));
                }
                else
                {
                    var known = new List<string>(EventKeys);
                    known.AddRange(controls.Names);
                    var hint = NameSuggester.Nearest(key, known) is { } s ? $" Did you mean '{s}'?" : "";
                    r.Diagnostics.Add(keyNode, $"Unknown key or control '{key}' in a timeline entry.{hint} Entries take at, every, until, note, set, ramp, over, imbalance, or a control name (see docs/scenarios.md).");
                    map.MarkTaken(key);
                }
            }
            var gaveAction = map.Node.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is not ("at" or "every" or "until" or "note" or "over"));
            if (!gaveAction && note is null && atNode is not null) r.Diagnostics.Add(item, "This timeline entry does nothing: give 'set', 'ramp', 'imbalance', a control, or a 'note'.");
            if (at is null) continue;

            if (durationMs is { } end && at > end && every is null)
            {
                r.Diagnostics.Add(atNode, $"at {TimeText.Span(at.Value)} is after the end of the run ({TimeText.Span(end)}).");
                continue;
            }
            if (every is null)
            {
                if (untilNode is not null) r.Diagnostics.Add(untilNode, "'until' belongs to a repeated entry ('every'); this entry has none.");
                events.Add(new TimelineEvent(at.Value, item.Start.Line, note, actions));
                continue;
            }
            if (every.Value <= 0)
            {
                r.Diagnostics.Add(everyNode, "'every' must be longer than 0.");
                continue;
            }
            var last = until ?? durationMs;
            if (last is null)
            {
                r.Diagnostics.Add(everyNode, "A repeated entry needs 'until', or the scenario needs a 'duration'.");
                continue;
            }
            for (var t = at.Value; t <= last.Value; t += every.Value)
            {
                events.Add(new TimelineEvent(t, item.Start.Line, note, actions));
                if (events.Count > MaxEvents)
                {
                    r.Diagnostics.Add(everyNode, $"This repetition makes more than {MaxEvents} events; use a longer 'every' or an 'until'.");
                    return events;
                }
            }
        }
        // Stable: events at the same time keep their file order.
        var ordered = new List<TimelineEvent>(events);
        ordered.Sort((a, b) => a.AtMs != b.AtMs ? a.AtMs.CompareTo(b.AtMs) : a.Line.CompareTo(b.Line));
        return ordered;
    }

    private static void ReadAssignments(YamlNode node, string what, ControlCatalog controls, ValueReader r, List<TimelineAction> actions, long? overMs)
    {
        var map = YamlMap.From(node, r.Diagnostics, $"'{what}'");
        if (map is null) return;
        foreach (var (key, keyNode, value) in new List<(string, YamlScalarNode, YamlNode)>(map.Rest()))
        {
            map.MarkTaken(key);
            if (!controls.TryGet(key, out var control))
            {
                var hint = NameSuggester.Nearest(key, controls.Names) is { } s ? $" Did you mean '{s}'?" : "";
                r.Diagnostics.Add(keyNode, $"Unknown control '{key}'.{hint} Controls: {string.Join(", ", controls.FixedNames)}, input.NAME, setting.NAME.");
                continue;
            }
            if (overMs is not null && !control.CanRamp)
            {
                r.Diagnostics.Add(keyNode, $"'{key}' is a switch and cannot be ramped; use 'set'.");
                continue;
            }
            if (ReadValue(value, control, r, overMs is not null) is not { } v) continue;
            actions.Add(overMs is { } over ? new RampAction(control, v, over) : new SetAction(control, v));
        }
    }

    /// <summary>Reads a value for <paramref name="control"/>.</summary>
    public static ControlValue? ReadValue(YamlNode node, Control control, ValueReader r, bool ramp)
    {
        var text = r.Scalar(node, control.Name);
        if (text is null) return null;
        if (control.CanRelease && text.Trim() == "auto")
        {
            if (!ramp) return new ControlValue(0, Release: true);
            r.Diagnostics.Add(node, $"{control.Name} cannot be ramped to 'auto'; use 'set'.");
            return null;
        }
        switch (control.Type)
        {
            case ControlType.Demand:
                return r.Demand(node, control.Name) is { } d ? new ControlValue(d.Value, d.IsPower) : null;
            case ControlType.Number:
                if (QuantityText.TryParse(text, control.Quantity, out var value, out _, out var error)) return new ControlValue(value * control.Scale);
                r.Diagnostics.Add(node, $"{control.Name}: {error}");
                return null;
            case ControlType.Plain:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)) return new ControlValue(plain);
                r.Diagnostics.Add(node, $"{control.Name} must be {control.Expected}, not '{text}'.");
                return null;
            default:
                var index = ValueReader.Match(text, control.Words);
                if (index >= 0) return new ControlValue(index);
                r.Diagnostics.Add(node, $"{control.Name} must be {control.Expected}, not '{text}'.");
                return null;
        }
    }

    private static void ReadImbalance(YamlNode node, BankConfiguration bank, ValueReader r, List<TimelineAction> actions)
    {
        var items = node is YamlSequenceNode list ? list.Children : (IList<YamlNode>)new[] { node };
        foreach (var item in items)
        {
            if (!BankParser.ReadCellRef(item, "imbalance", bank, r, ImbalanceKeys, out var map, out var battery, out var cell) || map is null) continue;
            var socNode = map.Take("soc");
            map.Finish(ImbalanceKeys);
            if (socNode is null)
            {
                r.Diagnostics.Add(item, "An imbalance needs 'soc' (how far the cell moves, e.g. 'soc: +5 %').");
                continue;
            }
            if (r.Quantity(socNode, QuantityKind.Percent, "imbalance soc") is { } delta) actions.Add(new ImbalanceAction(battery, cell, delta));
        }
    }
}
