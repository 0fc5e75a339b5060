using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Model;

// The validated, resolved product: everything the emitter needs, nothing it must look up.
// Produced only when the spec has no errors.

/// <summary>Description and provenance text carried into the generated introspection data.</summary>
public sealed record EDoc(string? Description, string Provenance)
{
    /// <summary>Where the rule is in the spec and the catalogue ids it covers: written beside it in the generated code.</summary>
    public ETrace Trace { get; init; } = ETrace.None;
}

/// <summary>A rule's spec line, the module it comes from (null: the product itself) and the catalogue ids it covers.</summary>
public sealed record ETrace(int Line, string? Module, EquatableArray<string> Covers)
{
    /// <summary>No trace (entries that are not rules).</summary>
    public static ETrace None { get; } = new(0, null, EquatableArray<string>.Empty);
}

/// <summary>The engine for one product.</summary>
public sealed record EngineModel(
    string Namespace,
    string ProductId,
    string DisplayName,
    string? Description,
    string SpecPath,
    EquatableArray<EInput> Inputs,
    EquatableArray<ESetting> Settings,
    EquatableArray<ETimer> Timers,
    EquatableArray<EThreshold> Thresholds,
    EquatableArray<EBand> Bands,
    EquatableArray<ESignal> Signals,
    EquatableArray<EMachine> Machines,
    EquatableArray<EOutput> Outputs,
    EquatableArray<EFlag> Flags,
    EquatableArray<ETable> Tables,
    EquatableArray<ECode> Codes,
    EVeBus? VeBus,
    EBoard? Board = null);

/// <summary>An input; <see cref="InvalidCode"/> is a code index or -1.</summary>
public sealed record EInput(
    string Name, InputKind Kind, string? Unit, double Min, double Max, long StaleAfterMs, string? StaleAfterTimer,
    int InvalidCode, BExpr RequiredWhen, string? RequiredWhenText, EDoc Doc);

/// <summary>A setting with its limits (in its unit).</summary>
public sealed record ESetting(
    string Name, bool IsBool, string? Unit, double Default, double Min, double Max, int InvalidCode, EDoc Doc);

/// <summary>A named duration in milliseconds.</summary>
public sealed record ETimer(string Name, long Milliseconds, EDoc Doc);

/// <summary>A level: <c>(setting × factor or constant) + offset</c>, in the input's unit.</summary>
public sealed record ELevel(double Constant, int Setting, double SettingFactor, double Offset);

/// <summary>A comparator with hysteresis. Trips when <c>input Op Trip</c>; releases when <c>input ReleaseOp Release</c>.</summary>
public sealed record EThreshold(
    string Name, int Input, Parsing.CompareOp TripOp, ELevel Trip, Parsing.CompareOp ReleaseOp, ELevel Release,
    string TripText, string ReleaseText, EDoc Doc);

/// <summary>Contiguous zones over an input, boundaries ascending; <see cref="Home"/> is the zone returned to with hysteresis.</summary>
public sealed record EBand(
    string Name, int Input, int Home, double Hysteresis, EquatableArray<string> Zones, EquatableArray<double> Boundaries, EDoc Doc);

/// <summary>A named condition.</summary>
public sealed record ESignal(string Name, BExpr When, string WhenText, EDoc Doc);

/// <summary>A state.</summary>
public sealed record EState(string Name, string? Description);

/// <summary>A transition; <see cref="Timer"/> is a timer index or -1.</summary>
public sealed record ETransition(
    string Trigger, EquatableArray<int> From, int To, BExpr When, string WhenText, int Timer, EDoc Doc);

/// <summary>A state machine.</summary>
public sealed record EMachine(
    string Name, int Initial, EquatableArray<EState> States, EquatableArray<ETransition> Transitions, EDoc Doc);

/// <summary>A high/floating output.</summary>
public sealed record EOutput(string Name, string? Label, BExpr HighWhen, string Text, EDoc Doc);

/// <summary>A logical flag.</summary>
public sealed record EFlag(string Name, BExpr When, string Text, EDoc Doc);

/// <summary>An LED blink pattern; period 0 means steady (lit when <see cref="Lit"/>).</summary>
public sealed record EPattern(string Name, long PeriodMs, long OnMs, bool Lit);

/// <summary>A table column.</summary>
public sealed record EColumn(string Name, BExpr When, string Text);

/// <summary>
/// A truth table. <see cref="Lookup"/> has one entry per combination of column values (bit i = column i)
/// giving the index of the resulting value or pattern.
/// </summary>
public sealed record ETable(
    string Name, bool IsLed, string? Label, string? Colour, string? Unit,
    EquatableArray<string> ValueNames, EquatableArray<double> NumericValues, EquatableArray<EPattern> Patterns,
    EquatableArray<EColumn> Columns, EquatableArray<byte> Lookup, EDoc Doc)
{
    /// <summary>True when the values are quantities rather than names.</summary>
    public bool IsNumeric => Unit is not null;
}

/// <summary>Code severity, most severe first in ordering.</summary>
public enum CodeSeverity
{
    /// <summary>Something failed; protection is active.</summary>
    Error,
    /// <summary>A limit is reached; protection acted.</summary>
    Alarm,
    /// <summary>A limit is near.</summary>
    Warning,
    /// <summary>A state the user should know of.</summary>
    Info,
}

/// <summary>A code; <see cref="When"/> null means raised only by invalid inputs/settings naming it.</summary>
public sealed record ECode(string Id, string Name, CodeSeverity Severity, string Text, BExpr? When, string? WhenText, EDoc Doc);

/// <summary>A payload field: a flag bit (<see cref="Flag"/> ≥ 0, <see cref="Bit"/>) or a constant of <see cref="Bytes"/> bytes, little-endian.</summary>
public sealed record EVeBusField(string Name, int Flag, long Value, int Byte, int Bit, int Bytes);

/// <summary>The VE.Bus BMS frame of a product.</summary>
public sealed record EVeBus(
    bool Provisional, string? Description, byte AddressHigh, byte AddressLow, byte Command, int SendWhenFlag, int LowPowerFlag,
    long NormalIntervalMs, long LowPowerIntervalMs, int PayloadLength, EquatableArray<EVeBusField> Fields, EDoc Doc);
