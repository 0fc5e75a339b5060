using System;
using System.Collections.Generic;
using System.Linq;

namespace BmsRules.Simulation.Scenarios;

/// <summary>A scenario that cannot be run, with every problem found in it.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the problems.</summary>
    public ScenarioException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()))) => Diagnostics = diagnostics;

    /// <summary>Creates the exception.</summary>
    public ScenarioException() : this(Array.Empty<ScenarioDiagnostic>()) { }

    /// <summary>Creates the exception with a message and no location.</summary>
    public ScenarioException(string message) : base(message) => Diagnostics = Array.Empty<ScenarioDiagnostic>();

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ScenarioException(string message, Exception inner) : base(message, inner) => Diagnostics = Array.Empty<ScenarioDiagnostic>();

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; }
}
