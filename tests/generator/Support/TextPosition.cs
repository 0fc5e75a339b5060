using System;

namespace BmsRules.Generator.Tests.Support;

/// <summary>A 1-based line and column, as the spec diagnostics and editors count them.</summary>
internal readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>
    /// The place of the single occurrence of <paramref name="marker"/> in <paramref name="text"/>, or of
    /// <paramref name="at"/> within it. Lets a test name the place of a problem by the text found there
    /// ("in <c>hysteresis: 0 °C</c>, at <c>0 °C</c>") instead of by numbers that shift whenever the fixture changes.
    /// </summary>
    public static TextPosition Of(string text, string marker, string? at = null)
    {
        var offset = at is null ? 0 : marker.IndexOf(at, StringComparison.Ordinal);
        if (offset < 0) throw new ArgumentException($"'{at}' is not part of the marker '{marker}'");
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"The text does not contain: {marker}");
        if (text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"The text contains this more than once (make the marker specific): {marker}");
        }
        return At(text, index + offset);
    }

    /// <summary>The line and column of character <paramref name="index"/> (lines end at '\n').</summary>
    public static TextPosition At(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        var line = 1;
        for (var i = 0; i < lineStart; i++) if (text[i] == '\n') line++;
        return new TextPosition(line, index - lineStart + 1);
    }

    public override string ToString() => $"({Line},{Column})";
}
