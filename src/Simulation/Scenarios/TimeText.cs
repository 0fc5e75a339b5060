using System.Globalization;

namespace BmsRules.Simulation.Scenarios;

/// <summary>Simulated times as people read them.</summary>
public static class TimeText
{
    /// <summary>"00:41:07.3", or "3d 04:00:00.0" past a day.</summary>
    public static string Clock(long ms)
    {
        var days = ms / 86_400_000;
        var rest = ms % 86_400_000;
        var h = rest / 3_600_000;
        var m = rest / 60_000 % 60;
        var s = rest / 1000 % 60;
        var tenths = rest / 100 % 10;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}:{s:00}.{tenths}");
        return days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{days}d {clock}") : clock;
    }

    /// <summary>"90 s", "1 h 30 min", "2 d 3 h", "250 ms".</summary>
    public static string Span(long ms)
    {
        if (ms == 0) return "0 s";
        if (ms < 1000) return ms.ToString(CultureInfo.InvariantCulture) + " ms";
        var parts = new System.Collections.Generic.List<string>();
        var days = ms / 86_400_000;
        var h = ms / 3_600_000 % 24;
        var m = ms / 60_000 % 60;
        var s = ms % 60_000 / 1000.0;
        if (days > 0) parts.Add(days.ToString(CultureInfo.InvariantCulture) + " d");
        if (h > 0) parts.Add(h.ToString(CultureInfo.InvariantCulture) + " h");
        if (m > 0) parts.Add(m.ToString(CultureInfo.InvariantCulture) + " min");
        if (s > 0) parts.Add(s.ToString("0.#", CultureInfo.InvariantCulture) + " s");
        return string.Join(" ", parts);
    }
}
