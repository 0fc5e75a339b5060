using System;
using System.Collections.Generic;

namespace BmsRules.Desktop.Simulation.Observables;

/// <summary>"Did you mean": the known name with the smallest edit distance, if it is close enough.</summary>
public static class NameSuggester
{
    /// <summary>The nearest of <paramref name="known"/> to <paramref name="name"/>, or null when none is near.</summary>
    public static string? Nearest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best is not null && bestDistance <= Math.Max(2, name.Length / 3)) return best;
        // Otherwise a name that the given one starts with (or the other way round), e.g. sunshine → sun.
        string? prefix = null;
        foreach (var candidate in known)
        {
            var shorter = Math.Min(candidate.Length, name.Length);
            if (shorter < 3) continue;
            if ((name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) || candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                && (prefix is null || candidate.Length > prefix.Length))
            {
                prefix = candidate;
            }
        }
        return prefix;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
