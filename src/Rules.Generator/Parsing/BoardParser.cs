using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Generator.Parsing;

/// <summary>
/// Parses a product's <c>board:</c> section (structure and keys only; the validator checks names,
/// quantities and the rules between them). See docs/spec-format.md, "The board section".
/// </summary>
internal static class BoardParser
{
    /// <summary>Keys every board part may carry besides its own: what it is, and how the simulator differs.</summary>
    private static readonly string[] NoteKeys = { "description", "simulator" };

    public static BoardSpec? Parse(YamlNode node, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "the board section", SpecParser.With("name", "description", "input_modes", "inputs",
            "multi_on", "control", "watchdog", "adc", "fail_safe", "frames"));
        if (map is null) return null;

        var modes = new List<BoardModeSpec>();
        foreach (var item in map.Sequence("input_modes"))
        {
            var mode = ParseMode(item, d);
            if (mode is not null) modes.Add(mode);
        }
        var inputs = new List<BoardInputSpec>();
        foreach (var item in map.Sequence("inputs"))
        {
            var input = ParseInput(item, d);
            if (input is not null) inputs.Add(input);
        }
        var failSafe = new List<BoardFailSafeSpec>();
        foreach (var item in map.Sequence("fail_safe"))
        {
            var f = Open(item, d, "a fail-safe conversion", "kind", "reads");
            if (f is not null) failSafe.Add(new BoardFailSafeSpec(f.Required("kind"), f.Required("reads"), Note(f)));
        }

        return new BoardSpec(map.Span, map.Scalar("name"), map.Text("description"), SpecParser.ReadProvenance(map),
            modes.ToEquatableArray(), SpanOf(map, "input_modes"), inputs.ToEquatableArray(), SpanOf(map, "inputs"),
            Part(map, "multi_on", d, "the multi_on rule", m => new BoardMultiOnSpec(m.Span, m.Required("input"), m.Required("rule"), m.Required("within"), Note(m)),
                "input", "rule", "within"),
            Part(map, "control", d, "the control loop", m => new BoardControlSpec(m.Span, m.Required("period"), Note(m)), "period"),
            Part(map, "watchdog", d, "the watchdog",
                m => new BoardWatchdogSpec(m.Span, m.Required("timeout"), m.Required("reset_interval"), m.Required("stall_after"), m.Required("warm_up"), Note(m)),
                "timeout", "reset_interval", "stall_after", "warm_up"),
            Part(map, "adc", d, "the ADC", m => new BoardAdcSpec(m.Span, m.Required("bits"), m.Required("reference"), m.Required("full_scale_margin"), Note(m)),
                "bits", "reference", "full_scale_margin"),
            failSafe.ToEquatableArray(), SpanOf(map, "fail_safe"),
            Part(map, "frames", d, "the frame rules", m => new BoardFramesSpec(m.Span, m.Required("on_flag_change"), m.Required("before_first_cycle"), Note(m)),
                "on_flag_change", "before_first_cycle"));
    }

    private static BoardModeSpec? ParseMode(YamlNode node, DiagnosticBag d)
    {
        var map = Open(node, d, "an input mode", "name", "default", "settings");
        if (map is null) return null;
        var settings = new List<BoardSettingSpec>();
        foreach (var pair in map.Pairs("settings"))
        {
            if (pair.Key is YamlScalarNode key && pair.Value is YamlScalarNode value)
            {
                settings.Add(new BoardSettingSpec(YamlMap.LocatedOf(key), YamlMap.LocatedOf(value)));
            }
            else
            {
                d.Report(DiagnosticRules.InvalidValue, YamlMap.SpanOf(pair.Value), "Each setting of an input mode is 'Setting: value'");
            }
        }
        return new BoardModeSpec(map.Required("name"), map.Scalar("default"), settings.ToEquatableArray(), Note(map));
    }

    private static BoardInputSpec? ParseInput(YamlNode node, DiagnosticBag d)
    {
        var map = Open(node, d, "a board input", "input", "bind", "pin", "divider", "active", "value", "mode");
        if (map is null) return null;
        Located? top = null, bottom = null;
        if (map.Node("divider") is { } dividerNode)
        {
            var divider = YamlMap.Open(dividerNode, d, "a divider", "top", "bottom");
            top = divider?.Required("top");
            bottom = divider?.Required("bottom");
        }
        return new BoardInputSpec(map.Span, map.Required("input"), map.Required("bind"), map.Scalar("pin"), top, bottom,
            map.Scalar("active"), map.Scalar("value"), map.Scalar("mode"), Note(map));
    }

    private static T? Part<T>(YamlMap map, string key, DiagnosticBag d, string context, System.Func<YamlMap, T> create, params string[] keys)
        where T : class
    {
        var node = map.Node(key);
        if (node is null) return null;
        var part = Open(node, d, context, keys);
        return part is null ? null : create(part);
    }

    private static YamlMap? Open(YamlNode node, DiagnosticBag d, string context, params string[] keys)
    {
        var all = new string[keys.Length + NoteKeys.Length];
        keys.CopyTo(all, 0);
        NoteKeys.CopyTo(all, keys.Length);
        return YamlMap.Open(node, d, context, SpecParser.With(all));
    }

    private static BoardNote Note(YamlMap map) => new(map.Text("description"), SpecParser.ReadProvenance(map), map.Text("simulator"));

    private static SourceSpan SpanOf(YamlMap map, string key) => map.Node(key) is { } node ? YamlMap.SpanOf(node) : map.Span;
}
