using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Collects located problems while a scenario is read; reading goes on after a problem so that all are reported at once.</summary>
internal sealed class Diagnostics
{
    private readonly List<ScenarioDiagnostic> _list = new();

    public Diagnostics(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<ScenarioDiagnostic> List => _list;

    public bool HasErrors => _list.Count > 0;

    public void Add(YamlNode? node, string message) => Add(node?.Start ?? Mark.Empty, message);

    public void Add(Mark mark, string message) => _list.Add(new ScenarioDiagnostic(File, mark.Line, mark.Column, message));
}
