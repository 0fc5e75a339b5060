namespace BmsRules.Generator.Validation;

/// <summary>
/// Where in the step an expression is evaluated. A reference is allowed only to values that
/// are already computed at that point (see the evaluation order at the top of rules.yaml).
/// </summary>
internal enum BindPhase
{
    /// <summary>Signal number Position: inputs, settings, thresholds, bands, earlier signals.</summary>
    Signal,
    /// <summary>A guard of machine number Position: also that machine and earlier machines.</summary>
    Machine,
    /// <summary>Output number Position: also all machines and earlier outputs.</summary>
    Output,
    /// <summary>Flag number Position: also all outputs and earlier flags.</summary>
    Flag,
    /// <summary>A table or LED column: also all outputs and flags.</summary>
    Table,
    /// <summary>A code condition or an input's required_when: everything.</summary>
    Code,
}
