namespace BmsRules.Generator.Diagnostics;

/// <summary>
/// A place in the spec file: character offset and length, and the 1-based line and column
/// of its start and end (as YAML marks and MSBuild messages count them).
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The beginning of the file.</summary>
    public static SourceSpan FileStart => new(0, 0, 1, 1, 1, 1);

    /// <summary>
    /// A span <paramref name="offset"/> characters into this one, <paramref name="length"/> long, on the same line.
    /// When this span covers several lines (a block scalar such as <c>when: &gt;-</c>, or a plain scalar folded
    /// over lines) an offset into its value is no longer a column, so the whole span is returned instead.
    /// </summary>
    public SourceSpan Slice(int offset, int length) =>
        EndLine != Line ? this : new(Start + offset, length, Line, Column + offset, Line, Column + offset + length);
}
