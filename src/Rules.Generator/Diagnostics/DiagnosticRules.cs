namespace BmsRules.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the spec compiler reports, in one table. Each is located at the YAML line
/// and column of the offending entry; ids never change meaning once published.
/// </summary>
public static class DiagnosticRules
{
    /// <summary>BMS001: the file is not valid YAML.</summary>
    public static readonly DiagnosticRule YamlSyntax = new("BMS001", SpecSeverity.Error,
        "YAML syntax error", "YAML syntax error: {0}");

    /// <summary>BMS002: a name refers to nothing defined.</summary>
    public static readonly DiagnosticRule UnknownName = new("BMS002", SpecSeverity.Error,
        "Unknown name", "Unknown name '{0}'{1}");

    /// <summary>BMS003: a quantity has no unit where one is required.</summary>
    public static readonly DiagnosticRule MissingUnit = new("BMS003", SpecSeverity.Error,
        "Missing unit", "'{0}' has no unit; {1} needs a value in {2}");

    /// <summary>BMS004: a quantity has an unknown unit, or one of the wrong kind.</summary>
    public static readonly DiagnosticRule WrongUnit = new("BMS004", SpecSeverity.Error,
        "Wrong unit", "'{0}' has the wrong unit: {1}");

    /// <summary>BMS005: a hysteresis band is inverted or has zero width.</summary>
    public static readonly DiagnosticRule BadHysteresis = new("BMS005", SpecSeverity.Error,
        "Inverted or zero hysteresis band", "Hysteresis band of '{0}' is {1}: {2}");

    /// <summary>BMS006: thresholds or zones overlap.</summary>
    public static readonly DiagnosticRule Overlap = new("BMS006", SpecSeverity.Error,
        "Thresholds overlap", "'{0}' overlaps '{1}': {2}");

    /// <summary>BMS007: zones leave a gap.</summary>
    public static readonly DiagnosticRule Gap = new("BMS007", SpecSeverity.Error,
        "Thresholds leave a gap", "Gap between '{0}' and '{1}': {2}");

    /// <summary>BMS008: a truth table misses a combination of its columns.</summary>
    public static readonly DiagnosticRule TableIncomplete = new("BMS008", SpecSeverity.Error,
        "Truth table incomplete", "Truth table '{0}' has no row for {1}");

    /// <summary>BMS009: two rows of a truth table match the same combination.</summary>
    public static readonly DiagnosticRule TableAmbiguous = new("BMS009", SpecSeverity.Error,
        "Truth table ambiguous", "Truth table '{0}': rows {1} and {2} both match {3}");

    /// <summary>BMS010: a timer's duration has no time unit.</summary>
    public static readonly DiagnosticRule TimerWithoutUnit = new("BMS010", SpecSeverity.Error,
        "Timer without a unit", "Timer '{0}' duration '{1}' has no time unit (ms, s, min or h)");

    /// <summary>BMS011: an entry says neither where its value comes from nor why it was chosen.</summary>
    public static readonly DiagnosticRule MissingProvenance = new("BMS011", SpecSeverity.Error,
        "Entry without source or assumption", "{0} '{1}' has neither source: nor assumption:");

    /// <summary>BMS012: a setting's default is outside its min/max.</summary>
    public static readonly DiagnosticRule DefaultOutOfRange = new("BMS012", SpecSeverity.Error,
        "Setting default outside its range", "Setting '{0}' default {1} is outside its range {2} … {3}");

    /// <summary>BMS013: a key the format does not know.</summary>
    public static readonly DiagnosticRule UnknownKey = new("BMS013", SpecSeverity.Error,
        "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}");

    /// <summary>BMS014: a required key is missing.</summary>
    public static readonly DiagnosticRule MissingKey = new("BMS014", SpecSeverity.Error,
        "Missing key", "{0} needs '{1}'");

    /// <summary>BMS015: a name is defined twice.</summary>
    public static readonly DiagnosticRule DuplicateName = new("BMS015", SpecSeverity.Error,
        "Duplicate name", "'{0}' is already defined (as {1})");

    /// <summary>BMS016: an expression cannot be parsed.</summary>
    public static readonly DiagnosticRule ExpressionSyntax = new("BMS016", SpecSeverity.Error,
        "Expression syntax error", "Expression syntax error: {0}");

    /// <summary>BMS017: a value is used as the wrong type (number where a condition is needed, …).</summary>
    public static readonly DiagnosticRule TypeMismatch = new("BMS017", SpecSeverity.Error,
        "Type mismatch", "{0}");

    /// <summary>BMS018: catalogue ids: unknown, or declared for the engine but not covered.</summary>
    public static readonly DiagnosticRule Catalogue = new("BMS018", SpecSeverity.Error,
        "Catalogue coverage", "{0}");

    /// <summary>BMS019: a name is used before the place the evaluation order defines it.</summary>
    public static readonly DiagnosticRule EvaluationOrder = new("BMS019", SpecSeverity.Error,
        "Used before it is evaluated", "'{0}' is used before it is evaluated: {1}");

    /// <summary>BMS020: a value of the wrong form (not a number, bad identifier, min above max, …).</summary>
    public static readonly DiagnosticRule InvalidValue = new("BMS020", SpecSeverity.Error,
        "Invalid value", "{0}");

    /// <summary>BMS021: a state no transition can reach.</summary>
    public static readonly DiagnosticRule UnreachableState = new("BMS021", SpecSeverity.Error,
        "Unreachable state", "State '{0}' of machine '{1}' cannot be reached from its initial state '{2}'");

    /// <summary>BMS022: a code nothing can raise.</summary>
    public static readonly DiagnosticRule CodeNeverRaised = new("BMS022", SpecSeverity.Error,
        "Code never raised", "Code '{0}' has no 'when' and no input or setting names it as invalid_code, so it can never be raised");

    /// <summary>BMS023: a YAML merge key; rules are shared between products with modules instead.</summary>
    public static readonly DiagnosticRule MergeKey = new("BMS023", SpecSeverity.Error,
        "YAML merge key", "YAML merge keys ('<<') are not supported in {0}: share rules between products with modules ('modules:' and 'use:', see docs/spec-format.md)");

    /// <summary>BMS024: <c>use:</c> names no module (or names one twice).</summary>
    public static readonly DiagnosticRule UnknownModule = new("BMS024", SpecSeverity.Error,
        "Unknown module", "{0}");

    /// <summary>BMS025: modules use each other in a cycle.</summary>
    public static readonly DiagnosticRule ModuleCycle = new("BMS025", SpecSeverity.Error,
        "Module cycle", "Modules use each other in a cycle: {0}");

    /// <summary>BMS026: an override or extension names an entry no used module has.</summary>
    public static readonly DiagnosticRule OverrideOfNothing = new("BMS026", SpecSeverity.Error,
        "Override of a name the modules do not have", "{0} '{1}' {2} nothing: {3}");

    /// <summary>BMS027: an entry has the name of a module's entry but does not say it overrides it.</summary>
    public static readonly DiagnosticRule DuplicateWithoutOverride = new("BMS027", SpecSeverity.Error,
        "Duplicate of a module entry without override",
        "{0} '{1}' is already defined by module {2} (line {3}); to replace it, mark this entry 'override: true' and give it its own source: or assumption:");

    /// <summary>BMS028: an override without its own source or assumption.</summary>
    public static readonly DiagnosticRule OverrideWithoutProvenance = new("BMS028", SpecSeverity.Error,
        "Override without its own source or assumption",
        "{0} '{1}' overrides the one from module {2} but has neither source: nor assumption: of its own; say where this value comes from or why it differs from the module");

    /// <summary>BMS029: a source cites a document that <c>documents:</c> does not declare.</summary>
    public static readonly DiagnosticRule UnknownDocument = new("BMS029", SpecSeverity.Error,
        "Unknown document", "{0}");

    /// <summary>BMS030: the spec names a behaviour catalogue the compiler was not given.</summary>
    public static readonly DiagnosticRule CatalogueMissing = new("BMS030", SpecSeverity.Error,
        "Catalogue not found", "{0}");

    /// <summary>BMS031: a module no product uses, so nothing checks it.</summary>
    public static readonly DiagnosticRule ModuleUnused = new("BMS031", SpecSeverity.Error,
        "Module used by no product", "Module '{0}' is used by no product (directly or through another module), so nothing compiles or checks it");

    /// <summary>BMS032: two used modules bring different entries of the same name.</summary>
    public static readonly DiagnosticRule ModuleConflict = new("BMS032", SpecSeverity.Error,
        "Modules conflict", "{0} '{1}' comes from module {2} and, differently, from module {3}; override it here to choose");

    // BMS040–BMS049: the board section (what the board runtime decides around the engine).

    /// <summary>BMS040: an engine input the board does not account for, or feeds twice in one input mode.</summary>
    public static readonly DiagnosticRule BoardInputUnaccounted = new("BMS040", SpecSeverity.Error,
        "Board input not accounted for", "{0}");

    /// <summary>BMS041: a board binding that does not fit its input (kind, type or the keys it needs).</summary>
    public static readonly DiagnosticRule BoardBindingMismatch = new("BMS041", SpecSeverity.Error,
        "Board binding does not fit its input", "{0}");

    /// <summary>BMS042: a divider and ADC that cannot measure an input's whole valid range.</summary>
    public static readonly DiagnosticRule BoardDividerRange = new("BMS042", SpecSeverity.Error,
        "Divider cannot measure the input's range",
        "The divider on {0} measures up to {1} V but '{2}' is valid up to {3} V: a reading clipped at full scale could look valid");

    /// <summary>BMS043: control period and watchdog timings that contradict each other or the hardware.</summary>
    public static readonly DiagnosticRule BoardTiming = new("BMS043", SpecSeverity.Error,
        "Board timing inconsistent", "{0}");

    /// <summary>BMS044: input modes: no default or several, or a setting value that does not fit the setting.</summary>
    public static readonly DiagnosticRule BoardInputMode = new("BMS044", SpecSeverity.Error,
        "Board input mode", "{0}");

    /// <summary>BMS045: a fail-safe conversion the board applies but the spec does not state, or states differently.</summary>
    public static readonly DiagnosticRule BoardFailSafe = new("BMS045", SpecSeverity.Error,
        "Board fail-safe conversion", "{0}");

    /// <summary>BMS099: the generator itself failed; reported instead of crashing the build.</summary>
    public static readonly DiagnosticRule InternalError = new("BMS099", SpecSeverity.Error,
        "Internal generator error", "The BmsRules generator failed on this spec ({0}); please report it with the spec attached");

    /// <summary>All rules, for documentation and tests.</summary>
    public static readonly DiagnosticRule[] All =
    {
        YamlSyntax, UnknownName, MissingUnit, WrongUnit, BadHysteresis, Overlap, Gap, TableIncomplete,
        TableAmbiguous, TimerWithoutUnit, MissingProvenance, DefaultOutOfRange, UnknownKey, MissingKey,
        DuplicateName, ExpressionSyntax, TypeMismatch, Catalogue, EvaluationOrder, InvalidValue,
        UnreachableState, CodeNeverRaised, MergeKey, UnknownModule, ModuleCycle, OverrideOfNothing, DuplicateWithoutOverride,
        OverrideWithoutProvenance, UnknownDocument, CatalogueMissing, ModuleUnused, ModuleConflict,
        BoardInputUnaccounted, BoardBindingMismatch, BoardDividerRange, BoardTiming, BoardInputMode, BoardFailSafe, InternalError,
    };
}
