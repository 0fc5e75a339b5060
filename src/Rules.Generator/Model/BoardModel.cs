using BmsRules.Generator.Helpers;

namespace BmsRules.Generator.Model;

// The validated board section: values resolved to numbers and indices, ready to emit as the
// generated <Product>Board class and its BoardDescriptor. Produced only when the spec has no errors.

/// <summary>One engine setting an input mode fixes (index into the engine's settings; bools 1/0).</summary>
public sealed record EBoardSetting(int Setting, string Name, double Value);

/// <summary>An input mode.</summary>
public sealed record EBoardMode(string Name, bool IsDefault, EquatableArray<EBoardSetting> Settings, EDoc Doc);

/// <summary>What feeds one engine input; <see cref="Kind"/> is the runtime's BoardInputKind member name.</summary>
public sealed record EBoardInput(
    int Input, string Name, string Kind, string? Pin, double DividerTopOhms, double DividerBottomOhms, bool ActiveLow,
    double ConstantValue, string? Mode, EDoc Doc);

/// <summary>A fail-safe conversion; <see cref="Kind"/> is the runtime's FailSafeKind member name.</summary>
public sealed record EBoardFailSafe(string Kind, string Reads, EDoc Doc);

/// <summary>The board of a product.</summary>
public sealed record EBoard(
    string Name, string? Description, EquatableArray<EBoardMode> Modes, EquatableArray<EBoardInput> Inputs,
    string MultiOnInput, long MultiOnWithinMs, EDoc MultiOnDoc,
    long ControlPeriodMs, EDoc ControlDoc,
    long WatchdogTimeoutMs, long WatchdogResetIntervalMs, long WatchdogStallAfterMs, long WatchdogWarmUpMs, EDoc WatchdogDoc,
    int AdcBits, double AdcReferenceVolts, int AdcFullScaleMarginCounts, EDoc AdcDoc,
    EquatableArray<EBoardFailSafe> FailSafe, bool SendOnFlagChange, EDoc FramesDoc);
