namespace BmsRules.Simulation.Scenarios;

/// <summary>A problem in a scenario file, located at a line and column (1-based).</summary>
/// <param name="File">The scenario file (or "default.yaml (built-in)").</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and, where possible, what would be right.</param>
public sealed record ScenarioDiagnostic(string File, long Line, long Column, string Message)
{
    /// <summary>"file:line:column: error: message", the form editors and CI logs link.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
}
