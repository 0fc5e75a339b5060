using System;
using System.Collections.Generic;
using System.Text;

namespace BmsRules.Generator.Tests.Support;

/// <summary>
/// Seeded random damage to a spec text: deleted, duplicated or swapped lines, character edits,
/// truncation, or plain random bytes. The same seed always gives the same mutant, so a failure
/// names the seed that reproduces it.
/// </summary>
internal static class SpecMutator
{
    // Characters that matter to YAML and to the expression language, plus some that matter to neither.
    private const string Alphabet = " \t\n-:#{}[],&*!|>'\"%@`?.<=()0123456789VsmAK°CabcXYZ_\\";

    /// <summary>A mutant of <paramref name="text"/> and a short description of what was done.</summary>
    public static (string Text, string What) Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var kind = random.Next(8);
        if (kind == 7) return (RandomBytes(random), "random bytes");
        var lines = new List<string>(text.Split('\n'));
        var edits = 1 + random.Next(4);
        var what = new StringBuilder();
        for (var e = 0; e < edits; e++)
        {
            var line = random.Next(lines.Count);
            switch (kind == 6 ? random.Next(6) : kind)
            {
                case 0:
                    lines.RemoveAt(line);
                    what.Append($"delete line {line + 1}; ");
                    break;
                case 1:
                    lines.Insert(line, lines[line]);
                    what.Append($"duplicate line {line + 1}; ");
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    what.Append($"swap lines {line + 1} and {other + 1}; ");
                    break;
                case 3:
                    lines[line] = EditCharacter(lines[line], random, out var edit);
                    what.Append($"line {line + 1}: {edit}; ");
                    break;
                case 4:
                    lines.RemoveRange(line, lines.Count - line);
                    what.Append($"truncate at line {line + 1}; ");
                    lines.Add("");
                    break;
                default:
                    var cut = random.Next(lines[line].Length + 1);
                    lines[line] = lines[line].Substring(0, cut);
                    what.Append($"cut line {line + 1} at column {cut + 1}; ");
                    break;
            }
        }
        return (string.Join("\n", lines), what.ToString().TrimEnd(' ', ';'));
    }

    private static string EditCharacter(string line, Random random, out string what)
    {
        var at = random.Next(line.Length + 1);
        var c = Alphabet[random.Next(Alphabet.Length)];
        switch (random.Next(3))
        {
            case 0:
                what = $"insert '{c}' at column {at + 1}";
                return line.Insert(at, c.ToString());
            case 1 when at < line.Length:
                what = $"delete column {at + 1}";
                return line.Remove(at, 1);
            default:
                if (at >= line.Length) goto case 0;
                what = $"replace column {at + 1} with '{c}'";
                return line.Substring(0, at) + c + line.Substring(at + 1);
        }
    }

    private static string RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 2_000)];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
