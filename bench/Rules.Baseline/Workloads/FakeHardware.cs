using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;

namespace BmsRules.Baseline.Workloads;

/// <summary>A fake sensor: reads one input column of the current trace reading.</summary>
public sealed class TraceInputSource : IInputSource
{
    private readonly TraceCursor _cursor;
    private readonly int _column;

    /// <summary>Reads column <paramref name="column"/> of <paramref name="cursor"/>.</summary>
    public TraceInputSource(TraceCursor cursor, int column)
    {
        _cursor = cursor;
        _column = column;
    }

    /// <inheritdoc/>
    public double Read() => _cursor.Read(_column);
}

/// <summary>A fake output terminal that remembers the level it was driven to.</summary>
public sealed class RecordingOutput : IDigitalOutput
{
    /// <summary>The last level set.</summary>
    public OutputLevel Level { get; private set; }

    /// <inheritdoc/>
    public void Set(OutputLevel level) => Level = level;
}

/// <summary>A fake LED that remembers whether it is lit.</summary>
public sealed class RecordingLed : ILed
{
    /// <summary>Whether the LED was last lit.</summary>
    public bool Lit { get; private set; }

    /// <inheritdoc/>
    public void Set(bool lit) => Lit = lit;
}
