using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

/// <summary>
/// The comment the generated code carries at each rule: <c>[rules.yaml:269 · V2-02, V2-11]</c> (spec file and
/// line, the module it comes from when it is shared, the catalogue ids it covers). <c>bms audit --id</c> finds a
/// rule's generated code by it.
/// </summary>
public static class TraceMarker
{
    /// <summary>The start every marker of the rule at <paramref name="line"/> of <paramref name="specFile"/> has.</summary>
    public static string Prefix(string specFile, int line) => "[" + specFile + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The marker of a rule, or "" for an entry without a place.</summary>
    internal static string Of(string specFile, ETrace trace)
    {
        if (trace.Line <= 0) return "";
        var text = Prefix(specFile, trace.Line);
        if (trace.Module is not null) text += " module " + trace.Module;
        if (trace.Covers.Count > 0) text += " · " + string.Join(", ", trace.Covers);
        return text + "]";
    }
}
