using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Generator.Tests.Schema;

/// <summary>
/// Converts a YAML document to JSON the way YAML 1.2's core schema types plain scalars (as the
/// VS Code YAML extension does): true/false are booleans, null/~ is null, numbers are numbers, all
/// else (including On and Off, which YAML 1.1 would make booleans) is a string. Quoted scalars are strings.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>The first document of <paramref name="yaml"/> as a JSON token.</summary>
    public static JToken Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(p => new JProperty(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => JValue.CreateNull(),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return new JValue(text);
        if (text is "true" or "True" or "TRUE") return new JValue(true);
        if (text is "false" or "False" or "FALSE") return new JValue(false);
        if (text is "" or "~" or "null" or "Null" or "NULL") return JValue.CreateNull();
        if (Integer().IsMatch(text)) return new JValue(long.Parse(text, CultureInfo.InvariantCulture));
        if (Float().IsMatch(text)) return new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        return new JValue(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]{1,18}$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
