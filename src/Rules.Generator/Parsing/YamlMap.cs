using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Generator.Parsing;

/// <summary>
/// Reads one YAML mapping of the spec: checks its keys against the ones the format allows
/// (unknown → BMS013) and hands out values with their places.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;

    private YamlMap(YamlMappingNode node, DiagnosticBag diagnostics, string context)
    {
        _node = node;
        _diagnostics = diagnostics;
        _context = context;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as YAML (the one reader of spec and catalogue files). Returns null, with a
    /// located BMS001, when it is not valid YAML.
    /// </summary>
    public static YamlStream? Load(string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new System.IO.StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
            return stream;
        }
        catch (YamlException ex)
        {
            // Some scanner errors (a tab used as indentation) carry the file start as their place;
            // where the scanner stopped is then the better place to show.
            var mark = ex.Start.Index == 0 && ex.End.Index == 0 ? scanner.CurrentPosition : ex.Start;
            diagnostics.Report(DiagnosticRules.YamlSyntax, At(mark, text), FirstLine(ex.Message));
            return null;
        }
        catch (System.InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this, instead of a YamlException, on a flow collection
            // ('[' or '{') that is never closed. It is still a syntax error in the spec, not a generator failure.
            diagnostics.Report(DiagnosticRules.YamlSyntax, At(scanner.CurrentPosition, text),
                $"the YAML reader stopped here ({ex.Message}); look above for an unclosed '[' or '{{'");
            return null;
        }
    }

    /// <summary>The place of a reader mark; one past the end of the text (where the reader may stop) is the text's end.</summary>
    private static SourceSpan At(Mark mark, string text)
    {
        if (mark.Index > text.Length)
        {
            var lastBreak = text.LastIndexOf('\n');
            var lines = 1;
            foreach (var c in text) if (c == '\n') lines++;
            var endColumn = text.Length - lastBreak;
            return new SourceSpan(text.Length, 0, lines, endColumn, lines, endColumn);
        }
        var line = (int)System.Math.Max(1, mark.Line);
        var column = (int)System.Math.Max(1, mark.Column);
        return new SourceSpan((int)mark.Index, 0, line, column, line, column);
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(new[] { '\r', '\n' });
        return cut < 0 ? message : message.Substring(0, cut);
    }

    /// <summary>The mapping's own place.</summary>
    public SourceSpan Span => SpanOf(_node);

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping, reporting keys outside <paramref name="allowedKeys"/>.
    /// Returns null (and reports) when the node is not a mapping.
    /// </summary>
    public static YamlMap? Open(YamlNode node, DiagnosticBag diagnostics, string context, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(node), $"{context} must be a mapping (key: value pairs)");
            return null;
        }

        foreach (var entry in mapping.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value ?? "";
            if (key == "<<")
            {
                diagnostics.Report(DiagnosticRules.MergeKey, SpanOf(entry.Key), context);
            }
            else if (System.Array.IndexOf(allowedKeys, key) < 0)
            {
                diagnostics.Report(DiagnosticRules.UnknownKey, SpanOf(entry.Key), key, context, string.Join(", ", allowedKeys));
            }
        }

        return new YamlMap(mapping, diagnostics, context);
    }

    /// <summary>The value node of <paramref name="key"/>, or null.</summary>
    public YamlNode? Node(string key)
    {
        foreach (var entry in _node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } k } && k == key) return entry.Value;
        }
        return null;
    }

    /// <summary>A scalar value, or null when absent. Reports when present but not a scalar.</summary>
    public Located? Scalar(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar) return LocatedOf(scalar);
        _diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(node), $"'{key}' in {_context} must be a single value");
        return null;
    }

    /// <summary>A scalar value that must be present (BMS014 when missing). Returns an empty placeholder when missing.</summary>
    public Located Required(string key)
    {
        var value = Scalar(key);
        if (value is not null) return value;
        if (Node(key) is null) _diagnostics.Report(DiagnosticRules.MissingKey, Span, _context, key);
        return new Located("", Span);
    }

    /// <summary>Plain text of an optional scalar.</summary>
    public string? Text(string key) => Scalar(key)?.Text;

    /// <summary>The items of a sequence value; empty when absent. Reports when present but not a sequence.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var node = Node(key);
        if (node is null) return System.Array.Empty<YamlNode>();
        if (node is YamlSequenceNode sequence) return new List<YamlNode>(sequence.Children);
        _diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(node), $"'{key}' in {_context} must be a list");
        return System.Array.Empty<YamlNode>();
    }

    /// <summary>The key/value pairs of a mapping value, in file order; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Pairs(string key)
    {
        var node = Node(key);
        if (node is null) return System.Array.Empty<KeyValuePair<YamlNode, YamlNode>>();
        if (node is YamlMappingNode mapping) return new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children);
        _diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(node), $"'{key}' in {_context} must be a mapping");
        return System.Array.Empty<KeyValuePair<YamlNode, YamlNode>>();
    }

    /// <summary>All pairs of this mapping in file order.</summary>
    public IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries => _node.Children;

    /// <summary>
    /// A scalar or a list of scalars (used by <c>source:</c>, <c>from:</c>, <c>covers:</c>).
    /// </summary>
    public EquatableArray<Located> ScalarOrList(string key)
    {
        var node = Node(key);
        var items = new List<Located>();
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode scalar:
                items.Add(LocatedOf(scalar));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode s) items.Add(LocatedOf(s));
                    else _diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(item), $"each item of '{key}' must be a single value");
                }
                break;
            default:
                _diagnostics.Report(DiagnosticRules.InvalidValue, SpanOf(node), $"'{key}' in {_context} must be a value or a list of values");
                break;
        }
        return new EquatableArray<Located>(items.ToArray());
    }

    /// <summary>The span of any node, from its YAML start and end marks.</summary>
    public static SourceSpan SpanOf(YamlNode node) => Between(node.Start, node.End);

    /// <summary>A scalar's text and the place of its first content character (after an opening quote).</summary>
    public static Located LocatedOf(YamlScalarNode scalar)
    {
        var span = SpanOf(scalar);
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            span = new SourceSpan(span.Start + 1, System.Math.Max(0, span.Length - 2), span.Line, span.Column + 1, span.EndLine, span.EndColumn - 1);
        }
        return new Located(scalar.Value ?? "", span);
    }

    private static SourceSpan Between(Mark start, Mark end) =>
        new((int)start.Index, (int)System.Math.Max(0, end.Index - start.Index), (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);
}
