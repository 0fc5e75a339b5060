using System.Collections.Generic;
using System.Linq;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The settings dictionary Meadow.OS (2.1.0.1) hands an app from app.config.yaml, written here from the documented
/// format and the facts recorded in the project's platform reference — not from Meadow's code:
/// <list type="bullet">
/// <item>keys are the dotted path of the YAML sections ("MyApp.PollInterval"); values are the text after the first
/// colon, trimmed, as written: an inline <c># comment</c> and quotes stay in the value (Wilderness Labs, "Meadow App
/// Settings": "the value is always the string representation directly from the settings file");</item>
/// <item>a line whose first non-blank character is '#' is a comment; a line "Name:" opens a section;</item>
/// <item>only spaces count as indentation: a tab-indented line is read as a top-level key with an empty parent,
/// i.e. ".Key", a different key (platform reference, Meadow facts).</item>
/// </list>
/// </summary>
internal static class MeadowAppConfig
{
    public static Dictionary<string, string> Parse(string text)
    {
        var settings = new Dictionary<string, string>();
        var sections = new List<(int Indent, string Name)>();
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) continue;
            var indent = line.TakeWhile(c => c == ' ').Count();
            if (line[indent] == '#') continue;
            if (indent == 0) sections.Clear();
            while (sections.Count > 0 && sections[^1].Indent >= indent) sections.RemoveAt(sections.Count - 1);
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                sections.Add((indent, key));
                continue;
            }
            settings.TryAdd(string.Join(".", sections.Select(s => s.Name)) + "." + key, value);
        }
        return settings;
    }
}
