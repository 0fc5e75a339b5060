using System;
using System.Collections.Generic;
using BmsRules.Generator.Helpers;

namespace BmsRules.Simulation.Observables;

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
            var d = EditDistance.Between(name.ToLowerInvariant(), candidate.ToLowerInvariant());
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
}
