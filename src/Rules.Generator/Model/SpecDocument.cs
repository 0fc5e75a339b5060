using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Model;

// The parsed spec, as written: names and texts with their places, nothing resolved yet.
// The validator turns it into an EngineModel. All records are value-equatable for caching.

/// <summary>A text value with its place in the file.</summary>
public sealed record Located(string Text, SourceSpan Span);

/// <summary>Where an entry's value comes from (<c>source:</c>), or why it was chosen (<c>assumption:</c>), and what it covers.</summary>
public sealed record Provenance(EquatableArray<string> Sources, string? Assumption, EquatableArray<Located> Covers)
{
    /// <summary>True when the entry says where its value comes from or why.</summary>
    public bool IsStated => Sources.Count > 0 || !string.IsNullOrWhiteSpace(Assumption);

    /// <summary>The <c>source:</c> strings with their places (the documents they cite are checked against <c>documents:</c>).</summary>
    public EquatableArray<Located> Cited { get; init; }

    /// <summary>Where the entry starts in the spec: the generated code and the rule book name its line.</summary>
    public SourceSpan Entry { get; init; }

    /// <summary><c>override: true</c> as written: the entry replaces the one of the same name from a used module.</summary>
    public Located? Override { get; init; }

    /// <summary>The module the entry is defined in; null for an entry of the product itself (set when modules are resolved).</summary>
    public string? Module { get; init; }

    /// <summary>The module whose entry of the same name this one replaces (set when modules are resolved).</summary>
    public string? Replaces { get; init; }
}

/// <summary>The whole spec file.</summary>
public sealed record SpecDocument(string Namespace, EquatableArray<ProductSpec> Products)
{
    /// <summary>The documents sources may cite by a short name (<c>documents:</c>).</summary>
    public EquatableArray<DocumentSpec> Documents { get; init; }

    /// <summary>The behaviour catalogue file the spec's <c>covers:</c> ids come from (<c>catalogue:</c>), or null.</summary>
    public Located? Catalogue { get; init; }

    /// <summary>
    /// Rules shared between products (<c>modules:</c>). A module has the sections of a product (no catalogue);
    /// its <see cref="ProductSpec.Id"/> is the module's id.
    /// </summary>
    public EquatableArray<ProductSpec> Modules { get; init; }
}

/// <summary>A source document with the short name sources may cite it by.</summary>
public sealed record DocumentSpec(Located Id, Located File, string? Title, string? Revision);

/// <summary>How a catalogue id of the product is handled.</summary>
public sealed record CatalogueEntry(Located Id, string By, string? Note);

/// <summary>One product: a complete rule set that compiles to one engine.</summary>
public sealed record ProductSpec(
    Located Id,
    string Name,
    string? Description,
    Provenance Provenance,
    EquatableArray<CatalogueEntry> Catalogue,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<SettingSpec> Settings,
    EquatableArray<TimerSpec> Timers,
    EquatableArray<ThresholdSpec> Thresholds,
    EquatableArray<BandSpec> Bands,
    EquatableArray<SignalSpec> Signals,
    EquatableArray<MachineSpec> Machines,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<FlagSpec> Flags,
    EquatableArray<TableSpec> Tables,
    EquatableArray<TableSpec> Leds,
    EquatableArray<CodeSpec> Codes,
    VeBusSpec? VeBus,
    BoardSpec? Board = null)
{
    /// <summary>The modules this product (or module) builds on (<c>use:</c>), in order.</summary>
    public EquatableArray<Located> Use { get; init; }
}

/// <summary>Kinds of input.</summary>
public enum InputKind
{
    /// <summary>A measured value with a unit and a valid range.</summary>
    Number,
    /// <summary>A digital signal.</summary>
    Bool,
    /// <summary>A counter whose change marks fresh data; stale when unchanged for <c>stale_after</c>.</summary>
    Sequence,
}

/// <summary>An input of the engine.</summary>
public sealed record InputSpec(
    Located Name, InputKind Kind, Located? Unit, Located? Min, Located? Max, Located? StaleAfter,
    Located? InvalidCode, Located? RequiredWhen, string? Description, Provenance Provenance);

/// <summary>A setting: a value the user may change within limits.</summary>
public sealed record SettingSpec(
    Located Name, bool IsBool, Located? Unit, Located? Default, Located? Min, Located? Max,
    Located? InvalidCode, string? Description, Provenance Provenance);

/// <summary>A named duration.</summary>
public sealed record TimerSpec(Located Name, Located Duration, string? Description, Provenance Provenance);

/// <summary>A comparator with hysteresis on one input: trips at one level, releases at another.</summary>
public sealed record ThresholdSpec(
    Located Name, Located Input, Located Trip, Located Release, string? Description, Provenance Provenance);

/// <summary>One zone of a band: [from, to).</summary>
public sealed record ZoneSpec(Located Name, Located? From, Located? To);

/// <summary>An input divided into contiguous zones; leaving the home zone is immediate, returning needs hysteresis.</summary>
public sealed record BandSpec(
    Located Name, Located Input, Located Home, Located Hysteresis, EquatableArray<ZoneSpec> Zones,
    string? Description, Provenance Provenance);

/// <summary>A named boolean expression.</summary>
public sealed record SignalSpec(Located Name, Located When, string? Description, Provenance Provenance);

/// <summary>A state of a machine.</summary>
public sealed record StateSpec(Located Name, string? Description);

/// <summary>A guarded transition; <c>From</c> holds state names or "*".</summary>
public sealed record TransitionSpec(
    Located Trigger, EquatableArray<Located> From, Located To, Located When, Located? After,
    string? Description, Provenance Provenance)
{
    /// <summary>In a machine extension: the trigger of the module's transition this one is inserted before (it then has priority).</summary>
    public Located? Before { get; init; }
}

/// <summary>A state machine.</summary>
public sealed record MachineSpec(
    Located Name, Located Initial, EquatableArray<StateSpec> States, EquatableArray<TransitionSpec> Transitions,
    string? Description, Provenance Provenance)
{
    /// <summary><c>extend: true</c> as written: adds states and transitions to (or overrides transitions of) a module's machine.</summary>
    public Located? Extend { get; init; }
}

/// <summary>A high/floating output terminal.</summary>
public sealed record OutputSpec(Located Name, string? Label, Located HighWhen, string? Description, Provenance Provenance);

/// <summary>A logical flag (carried by the VE.Bus link).</summary>
public sealed record FlagSpec(Located Name, Located When, string? Description, Provenance Provenance);

/// <summary>A blink pattern of an LED; both timings absent means steady (On) or dark (Off, by name).</summary>
public sealed record PatternSpec(Located Name, Located? Period, Located? OnFor);

/// <summary>A table column: a name and the condition it tests.</summary>
public sealed record ColumnSpec(Located Name, Located When);

/// <summary>A cell of a truth-table row: the column it constrains and the required value.</summary>
public sealed record RowCell(Located Column, Located Value);

/// <summary>A row: constraints on some columns (the rest don't care) and the result.</summary>
public sealed record RowSpec(EquatableArray<RowCell> Cells, Located Then, SourceSpan Span);

/// <summary>A truth table (value table or LED). LEDs have patterns instead of values.</summary>
public sealed record TableSpec(
    Located Name, string? Label, string? Colour, Located? Unit, EquatableArray<Located> Values,
    EquatableArray<PatternSpec> Patterns, EquatableArray<ColumnSpec> Columns, EquatableArray<RowSpec> Rows,
    bool IsLed, string? Description, Provenance Provenance);

/// <summary>A warning, alarm or error code.</summary>
public sealed record CodeSpec(
    Located Id, Located Name, Located Severity, string Text, Located? When, Provenance Provenance);

/// <summary>A field of the VE.Bus BMS frame payload: one flag bit, or a constant of whole bytes (little-endian).</summary>
public sealed record VeBusFieldSpec(Located Name, Located? Flag, Located? Value, Located Byte, Located? Bit, Located? Bytes);

/// <summary>The VE.Bus BMS frame: address, command, payload fields and repetition (provisional: not public).</summary>
public sealed record VeBusSpec(
    SourceSpan Span, Located? Provisional, string? Description, Located Address, Located Command, Located SendWhen,
    Located LowPowerWhen, Located NormalInterval, Located LowPowerInterval, EquatableArray<VeBusFieldSpec> Fields, Provenance Provenance);
