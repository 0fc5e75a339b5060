namespace BmsRules.Generator.Diagnostics;

/// <summary>One row of the diagnostics table: id, severity, title and message format.</summary>
public sealed record DiagnosticRule(string Id, SpecSeverity Severity, string Title, string MessageFormat);
