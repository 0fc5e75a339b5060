namespace BmsRules.Generator.Diagnostics;

/// <summary>
/// A place in the spec file: character offset and length, and the 1-based line and column
/// of its start and end (as YAML marks and MSBuild messages count them).
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The beginning of the file.</summary>
    public static SourceSpan FileStart => new(0, 0, 1, 1, 1, 1);

    /// <summary>A span <paramref name="offset"/> characters into this one, <paramref name="length"/> long, on the same line.</summary>
    public SourceSpan Slice(int offset, int length) =>
        new(Start + offset, length, Line, Column + offset, Line, Column + offset + length);
}
