using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Parsing;

// The spec's shared parts: `modules:` (rules products use, extend and override) and `documents:`
// (the short names sources cite). Resolved and checked later by Validation/ModuleResolver and
// Validation/DocumentTable.
public static partial class SpecParser
{
    private static EquatableArray<ProductSpec> ParseModules(YamlMap root, DiagnosticBag d)
    {
        var modules = new List<ProductSpec>();
        foreach (var node in root.Sequence("modules"))
        {
            var map = YamlMap.Open(node, d, "a module", With("id", "description", "use", "inputs", "settings", "timers", "thresholds",
                "bands", "signals", "machines", "outputs", "flags", "tables", "leds", "codes", "vebus"));
            if (map is not null) modules.Add(ParseRules(map, d, map.Required("id")));
        }
        return modules.ToEquatableArray();
    }

    private static EquatableArray<DocumentSpec> ParseDocuments(YamlMap root, DiagnosticBag d)
    {
        var documents = new List<DocumentSpec>();
        foreach (var node in root.Sequence("documents"))
        {
            var map = YamlMap.Open(node, d, "a document", "id", "file", "title", "revision");
            if (map is not null) documents.Add(new DocumentSpec(map.Required("id"), map.Required("file"), map.Text("title"), map.Text("revision")));
        }
        return documents.ToEquatableArray();
    }
}
