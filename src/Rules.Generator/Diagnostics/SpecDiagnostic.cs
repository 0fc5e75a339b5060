using System;
using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Diagnostics;

/// <summary>Severity of a spec diagnostic.</summary>
public enum SpecSeverity
{
    /// <summary>Informational; does not fail the build.</summary>
    Info,
    /// <summary>Fails the build (warnings are errors in this repository).</summary>
    Warning,
    /// <summary>Fails the build.</summary>
    Error,
}

/// <summary>
/// One problem found in a spec, with its place. Value-equatable so it can flow through the
/// incremental pipeline; turned into a Roslyn <c>Diagnostic</c> only at the end.
/// </summary>
public sealed record SpecDiagnostic(string Id, SpecSeverity Severity, string Message, string Path, SourceSpan Span)
{
    /// <summary>The MSBuild-style line: <c>file(line,col): error BMSnnn: message</c>.</summary>
    public string ToMsBuildString()
    {
        var kind = Severity switch
        {
            SpecSeverity.Error => "error",
            SpecSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{Path}({Span.Line},{Span.Column}): {kind} {Id}: {Message}";
    }
}

/// <summary>Collects diagnostics while parsing and validating one spec file.</summary>
public sealed class DiagnosticBag
{
    private readonly System.Collections.Generic.List<SpecDiagnostic> _items = new();
    private readonly System.Collections.Generic.HashSet<SpecDiagnostic> _seen = new();

    /// <summary>Creates a bag for the spec at <paramref name="path"/>.</summary>
    public DiagnosticBag(string path) => Path = path;

    /// <summary>The spec's path, as reported in messages.</summary>
    public string Path { get; }

    /// <summary>True when an error was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>
    /// Reports <paramref name="rule"/> at <paramref name="span"/> with message arguments. The same diagnostic at the
    /// same place is reported once: a module's entry is checked once per product that uses it.
    /// </summary>
    public void Report(DiagnosticRule rule, SourceSpan span, params object[] args)
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat, args);
        Add(new SpecDiagnostic(rule.Id, rule.Severity, message, Path, span));
    }

    /// <summary>Adds the diagnostics of <paramref name="other"/> (another file read with this spec, such as its catalogue).</summary>
    public void Include(DiagnosticBag other)
    {
        foreach (var diagnostic in other._items) Add(diagnostic);
    }

    private void Add(SpecDiagnostic diagnostic)
    {
        if (!_seen.Add(diagnostic)) return;
        _items.Add(diagnostic);
        if (diagnostic.Severity == SpecSeverity.Error) HasErrors = true;
    }

    /// <summary>The diagnostics in report order, then sorted by place for stable output.</summary>
    public EquatableArray<SpecDiagnostic> ToArray()
    {
        var copy = _items.ToArray();
        Array.Sort(copy, (a, b) =>
        {
            var byStart = a.Span.Start.CompareTo(b.Span.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
        });
        return new EquatableArray<SpecDiagnostic>(copy);
    }
}
