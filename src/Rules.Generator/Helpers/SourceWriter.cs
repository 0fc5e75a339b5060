using System;
using System.Text;

namespace BmsRules.Generator.Helpers;

/// <summary>Writes indented C# source text. Lines end in '\n' on every platform so output is deterministic.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public void Line() => _text.Append('\n');

    public void Line(string line)
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        Indent();
    }

    /// <summary>Unindents and writes a closing brace with an optional suffix (e.g. ";").</summary>
    public void Close(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
    }

    /// <summary>Writes an XML doc summary, escaping the text.</summary>
    public void Summary(string text)
    {
        Line("/// <summary>" + Xml(text.Trim()) + "</summary>");
    }

    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

    public override string ToString() => _text.ToString();
}
