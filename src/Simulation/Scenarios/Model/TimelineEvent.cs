using System.Collections.Generic;
using System.Linq;

namespace BmsRules.Simulation.Scenarios.Model;

/// <summary>What happens at one moment of a scenario (one timeline entry, or one repetition of it).</summary>
internal sealed class TimelineEvent
{
    public TimelineEvent(long atMs, long line, string? note, IReadOnlyList<TimelineAction> actions)
    {
        AtMs = atMs;
        Line = line;
        Note = note;
        Actions = actions;
    }

    /// <summary>When (ms from the start).</summary>
    public long AtMs { get; }

    /// <summary>Its line in the scenario file.</summary>
    public long Line { get; }

    /// <summary>The entry's note, shown in the timeline.</summary>
    public string? Note { get; }

    public IReadOnlyList<TimelineAction> Actions { get; }

    /// <summary>"mains on, dc_load 20 A — note".</summary>
    public string Describe()
    {
        var text = string.Join(", ", Actions.Select(a => a.Describe()));
        if (Note is null) return text;
        return text.Length == 0 ? Note : text + " — " + Note;
    }
}
