namespace BmsRules.Baseline.Workloads;

/// <summary>The current reading of an <see cref="InputRows"/> trace, shared by the fake input sources of one controller.</summary>
public sealed class TraceCursor
{
    private readonly InputRows _rows;
    private int _offset;
    private int _row;

    /// <summary>Starts at the first reading of <paramref name="rows"/>.</summary>
    public TraceCursor(InputRows rows) => _rows = rows;

    /// <summary>Input <paramref name="column"/> of the current reading.</summary>
    public double Read(int column) => _rows.Values[_offset + column];

    /// <summary>Moves to the next reading, back to the first after the last.</summary>
    public void Next()
    {
        if (++_row == _rows.Count) _row = 0;
        _offset = _row * _rows.Width;
    }
}
