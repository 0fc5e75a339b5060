using System;
using System.Collections.Generic;

namespace BmsRules.Generator.Helpers;

/// <summary>Levenshtein distance, for "did you mean" suggestions (spec diagnostics, scenario errors).</summary>
public static class EditDistance
{
    /// <summary>The number of single-character insertions, deletions or substitutions that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Between(string a, string b)
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

    /// <summary>
    /// " (did you mean 'X'?)" for the candidate closest to <paramref name="name"/> (ignoring case) when it is close
    /// enough to be a typo (at most a third of the name, and at least 2, edits away); otherwise "".
    /// </summary>
    public static string Suggestion(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? $" (did you mean '{best}'?)" : "";
    }
}
