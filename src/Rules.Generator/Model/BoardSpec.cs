using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Model;

// The parsed `board:` section of a product, as written: what the board runtime decides around the
// engine. Every part carries its provenance and, where the simulator does it differently, why
// (`simulator:`). Value-equatable for caching, like the rest of SpecDocument.

/// <summary>The board section of a product.</summary>
public sealed record BoardSpec(
    SourceSpan Span,
    Located? Name,
    string? Description,
    Provenance Provenance,
    EquatableArray<BoardModeSpec> Modes,
    SourceSpan ModesSpan,
    EquatableArray<BoardInputSpec> Inputs,
    SourceSpan InputsSpan,
    BoardMultiOnSpec? MultiOn,
    BoardControlSpec? Control,
    BoardWatchdogSpec? Watchdog,
    BoardAdcSpec? Adc,
    EquatableArray<BoardFailSafeSpec> FailSafe,
    SourceSpan FailSafeSpan,
    BoardFramesSpec? Frames);

/// <summary>How a part of the board differs from the simulator, and why (<c>simulator:</c>); null when not stated.</summary>
public sealed record BoardNote(string? Description, Provenance Provenance, string? Simulator);

/// <summary>One engine setting an input mode fixes.</summary>
public sealed record BoardSettingSpec(Located Name, Located Value);

/// <summary>An input mode: where battery data come from, as the engine settings it implies.</summary>
public sealed record BoardModeSpec(Located Name, Located? Default, EquatableArray<BoardSettingSpec> Settings, BoardNote Note);

/// <summary>
/// What feeds one engine input on the board: an ADC channel through a divider, an opto-coupled digital input,
/// the VE.Bus link, the battery monitor, or a constant. <see cref="Mode"/> limits it to one input mode.
/// </summary>
public sealed record BoardInputSpec(
    SourceSpan Span, Located Input, Located Bind, Located? Pin, Located? DividerTop, Located? DividerBottom,
    Located? Active, Located? Value, Located? Mode, BoardNote Note);

/// <summary>How the board decides the engine input that says the Multi is on.</summary>
public sealed record BoardMultiOnSpec(SourceSpan Span, Located Input, Located Rule, Located Within, BoardNote Note);

/// <summary>The control loop's period.</summary>
public sealed record BoardControlSpec(SourceSpan Span, Located Period, BoardNote Note);

/// <summary>The hardware watchdog: timeout, reset interval, stall limit and the warm-up grace after start.</summary>
public sealed record BoardWatchdogSpec(
    SourceSpan Span, Located Timeout, Located ResetInterval, Located StallAfter, Located WarmUp, BoardNote Note);

/// <summary>The ADC behind the analog inputs and the margin below full scale that counts as clipped.</summary>
public sealed record BoardAdcSpec(SourceSpan Span, Located Bits, Located Reference, Located FullScaleMargin, BoardNote Note);

/// <summary>A fail-safe conversion: a reading the board cannot trust and what the engine sees instead.</summary>
public sealed record BoardFailSafeSpec(Located Kind, Located Reads, BoardNote Note);

/// <summary>When BMS frames go out besides their repeat interval, and what they carry before the first cycle.</summary>
public sealed record BoardFramesSpec(SourceSpan Span, Located OnFlagChange, Located BeforeFirstCycle, BoardNote Note);
