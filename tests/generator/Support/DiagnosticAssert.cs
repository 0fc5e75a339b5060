using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator.Diagnostics;
using Xunit;

namespace BmsRules.Generator.Tests.Support;

/// <summary>Assertions on spec diagnostics that print the offending line with a caret when they fail.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// <paramref name="specText"/> compiles to exactly one diagnostic: <paramref name="id"/> at <paramref name="expected"/>.
    /// Returns it so the test can check its message.
    /// </summary>
    public static SpecDiagnostic Single(string specText, string id, TextPosition expected)
    {
        var diagnostics = SpecCheck.Diagnostics(specText);
        if (diagnostics.Count != 1 || diagnostics[0].Id != id || Position(diagnostics[0]) != expected)
        {
            Assert.Fail($"Expected only {id} at {expected}:\n{Show(specText, expected)}\nbut got:\n{Describe(specText, diagnostics)}");
        }
        return diagnostics[0];
    }

    /// <summary>The 1-based place a diagnostic starts at.</summary>
    public static TextPosition Position(SpecDiagnostic diagnostic) => new(diagnostic.Span.Line, diagnostic.Span.Column);

    /// <summary>Each diagnostic as "file(line,col): error ID: message" with its line and a caret under the column.</summary>
    public static string Describe(string specText, IEnumerable<SpecDiagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => d.ToMsBuildString() + "\n" + Show(specText, Position(d))).ToList();
        return lines.Count == 0 ? "  (no diagnostics)" : string.Join("\n", lines);
    }

    private static string Show(string text, TextPosition position)
    {
        var lines = text.Split('\n');
        if (position.Line < 1 || position.Line > lines.Length) return $"  (line {position.Line} is outside the text)";
        var line = lines[position.Line - 1].TrimEnd('\r');
        return "  | " + line + "\n  | " + new string(' ', Math.Max(0, position.Column - 1)) + "^";
    }
}
