using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Parsing;

/// <summary>
/// Reads the behaviour catalogue (spec/catalogue.yaml) with the spec's YAML reader, so its problems are
/// located diagnostics too (against the catalogue's own path).
/// </summary>
public static class CatalogueParser
{
    /// <summary>The format this parser reads (the catalogue's <c>format:</c> key).</summary>
    public const string Format = "bmscatalogue/1";

    /// <summary>Parses <paramref name="file"/>; null when its YAML cannot be read (then reported in <paramref name="diagnostics"/>).</summary>
    public static BehaviourCatalogue? Parse(SpecFile file, DiagnosticBag diagnostics)
    {
        var stream = YamlMap.Load(file.Text, diagnostics);
        if (stream is null) return null;
        if (stream.Documents.Count == 0)
        {
            diagnostics.Report(DiagnosticRules.MissingKey, SourceSpan.FileStart, "The catalogue", "groups");
            return null;
        }
        var root = YamlMap.Open(stream.Documents[0].RootNode, diagnostics, "the catalogue", "format", "groups");
        if (root is null) return null;
        var format = root.Required("format");
        if (format.Text.Length > 0 && format.Text != Format)
        {
            diagnostics.Report(DiagnosticRules.InvalidValue, format.Span, $"Unsupported catalogue format '{format.Text}'; this generator reads '{Format}'");
        }

        var behaviours = new List<CatalogueBehaviour>();
        var seen = new Dictionary<string, Located>(System.StringComparer.Ordinal);
        foreach (var groupNode in root.Sequence("groups"))
        {
            var group = YamlMap.Open(groupNode, diagnostics, "a catalogue group", "id", "title", "documents", "behaviours");
            if (group is null) continue;
            var groupId = group.Required("id").Text;
            foreach (var node in group.Sequence("behaviours"))
            {
                var behaviour = ParseBehaviour(node, groupId, diagnostics);
                if (behaviour is null) continue;
                if (seen.TryGetValue(behaviour.Id.Text, out var first))
                {
                    diagnostics.Report(DiagnosticRules.DuplicateName, behaviour.Id.Span, behaviour.Id.Text, $"a catalogue id at line {first.Span.Line}");
                    continue;
                }
                seen.Add(behaviour.Id.Text, behaviour.Id);
                behaviours.Add(behaviour);
            }
        }
        return new BehaviourCatalogue(file.Path, behaviours.ToEquatableArray());
    }

    private static CatalogueBehaviour? ParseBehaviour(YamlDotNet.RepresentationModel.YamlNode node, string group, DiagnosticBag d)
    {
        var map = YamlMap.Open(node, d, "a catalogue behaviour", "id", "model", "behaviour", "where", "seeds");
        if (map is null) return null;
        var seeds = new List<CatalogueSeed>();
        foreach (var seedNode in map.Sequence("seeds"))
        {
            var seed = YamlMap.Open(seedNode, d, "a catalogue seed", "file", "sections");
            if (seed is null) continue;
            var sections = new List<string>();
            foreach (var section in seed.ScalarOrList("sections")) sections.Add(section.Text);
            seeds.Add(new CatalogueSeed(seed.Required("file").Text, sections.ToEquatableArray()));
        }
        if (map.Node("seeds") is null) d.Report(DiagnosticRules.MissingKey, map.Span, "a catalogue behaviour", "seeds");
        return new CatalogueBehaviour(map.Required("id"), group, map.Text("model"), map.Required("behaviour").Text, map.Text("where"), seeds.ToEquatableArray());
    }
}
