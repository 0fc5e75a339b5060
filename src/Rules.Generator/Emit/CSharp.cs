using System.Globalization;
using System.Text;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Emit;

/// <summary>Small helpers for writing C# source: literals, names, escaping. Invariant culture throughout.</summary>
internal static class CSharp
{
    /// <summary>A double literal that round-trips ("2.8d", "-40d", "1E-05d").</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>A long literal.</summary>
    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>An int literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string literal (null becomes <c>null</c>).</summary>
    public static string String(string? value)
    {
        if (value is null) return "null";
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>camelCase of a PascalCase spec name.</summary>
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>The field holding a named value: <c>_cellUndervoltage</c>.</summary>
    public static string Field(string name) => "_" + Camel(name);

    /// <summary>The C# operator of a comparison.</summary>
    public static string Operator(CompareOp op) => CompareOps.Text(op);
}
