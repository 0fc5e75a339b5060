using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

/// <summary>
/// The documents a spec declares (<c>documents:</c>): each a short name, a file, a title. A <c>source:</c>
/// cites a document by either; when documents are declared, every citation must name one (BMS029), and
/// short names are written out as file names wherever a source is shown (generated code, rule book).
/// A source is one or more parts separated by ';'; each part may begin with a document, and the first
/// must (a part without one continues the document before it: "001_….txt §1; §8").
/// </summary>
public sealed class DocumentTable
{
    private static readonly Regex IdShape = new("^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex FileShape = new(@"(/|\.[A-Za-z]{2,4}$)", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, DocumentSpec> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentSpec> _byFile = new(StringComparer.Ordinal);

    private DocumentTable()
    {
    }

    /// <summary>No documents declared: sources are free text, as before short names existed.</summary>
    public static DocumentTable None { get; } = new();

    /// <summary>The declared documents, checked (shape of the short names, duplicates).</summary>
    public static DocumentTable From(SpecDocument document, DiagnosticBag diagnostics)
    {
        var table = new DocumentTable();
        foreach (var doc in document.Documents)
        {
            // A document with a bad short name still declares its file, so citations by file name stay valid.
            if (table._byFile.TryGetValue(doc.File.Text, out var same))
            {
                diagnostics.Report(DiagnosticRules.DuplicateName, doc.File.Span, doc.File.Text, $"the file of document {same.Id.Text}");
            }
            else if (doc.File.Text.Length > 0)
            {
                table._byFile.Add(doc.File.Text, doc);
            }
            if (doc.Id.Text.Length > 0 && !IdShape.IsMatch(doc.Id.Text))
            {
                diagnostics.Report(DiagnosticRules.InvalidValue, doc.Id.Span,
                    $"Document id '{doc.Id.Text}' must be letters and digits, in parts joined by '-' (e.g. V2-manual)");
            }
            else if (table._byId.TryGetValue(doc.Id.Text, out var first))
            {
                diagnostics.Report(DiagnosticRules.DuplicateName, doc.Id.Span, doc.Id.Text, $"a document at line {first.Id.Span.Line}");
            }
            else if (doc.Id.Text.Length > 0)
            {
                table._byId.Add(doc.Id.Text, doc);
            }
        }
        return table;
    }

    /// <summary>The document with short name or file name <paramref name="name"/>, or null.</summary>
    public DocumentSpec? Find(string name) =>
        _byId.TryGetValue(name, out var byId) ? byId : _byFile.TryGetValue(name, out var byFile) ? byFile : null;

    /// <summary>Reports every citation in <paramref name="provenance"/> that names no declared document.</summary>
    public void Check(Provenance provenance, DiagnosticBag diagnostics)
    {
        if (_byId.Count == 0) return;
        foreach (var source in provenance.Cited)
        {
            var first = true;
            foreach (var (start, length) in Citations(source.Text))
            {
                var token = source.Text.Substring(start, length);
                var isFirst = first;
                first = false;
                if (Find(token) is not null) continue;
                var span = source.Span.Slice(start, length);
                if (FileShape.IsMatch(token))
                {
                    diagnostics.Report(DiagnosticRules.UnknownDocument, span,
                        $"'{token}' is not a declared document; add it to documents: (id, file, title){Suggest(token)}");
                }
                else if (isFirst)
                {
                    diagnostics.Report(DiagnosticRules.UnknownDocument, span,
                        $"A source begins with the document it cites, a short name from documents: ({string.Join(", ", _byId.Keys)}) or its file name, not '{token}'{Suggest(token)}");
                }
            }
        }
    }

    /// <summary><paramref name="source"/> with each cited short name written as its file name.</summary>
    public string Expand(string source)
    {
        if (_byId.Count == 0) return source;
        var text = source;
        var parts = new List<(int Start, int Length)>(Citations(source));
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var (start, length) = parts[i];
            if (_byId.TryGetValue(text.Substring(start, length), out var doc)) text = text.Substring(0, start) + doc.File.Text + text.Substring(start + length);
        }
        return text;
    }

    /// <summary>The first word of every ';'-separated part of a source: where a document would be named.</summary>
    private static IEnumerable<(int Start, int Length)> Citations(string source)
    {
        var partStart = 0;
        while (partStart <= source.Length)
        {
            var partEnd = source.IndexOf(';', partStart);
            if (partEnd < 0) partEnd = source.Length;
            var start = partStart;
            while (start < partEnd && char.IsWhiteSpace(source[start])) start++;
            var end = start;
            while (end < partEnd && !char.IsWhiteSpace(source[end]) && source[end] != '(' && source[end] != ',') end++;
            if (end > start) yield return (start, end - start);
            partStart = partEnd + 1;
        }
    }

    private string Suggest(string token) => Helpers.EditDistance.Suggestion(token, FileShape.IsMatch(token) ? _byFile.Keys : _byId.Keys);
}
