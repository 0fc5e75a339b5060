using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// Copies of the spec's board section and of the Feather profile with one thing changed, for the tests that show a
/// profile which disagrees with the engine is refused.
/// </summary>
internal static class BoardVariants
{
    public static BoardDescriptor Spec => VeBusBmsV2Board.Info;

    public static BoardProfile Feather => BoardProfiles.MeadowF7FeatherV2;

    /// <summary>The spec's board section with its input bindings, modes or timing replaced.</summary>
    public static BoardDescriptor BoardWith(
        Func<IEnumerable<BoardInputBinding>, IEnumerable<BoardInputBinding>>? inputs = null, BoardInputMode[]? modes = null,
        long? controlPeriodMs = null, BoardWatchdog? watchdog = null) =>
        new(Spec.Name, Spec.Description, modes ?? Spec.Modes.ToArray(), (inputs ?? (x => x))(Spec.Inputs).ToArray(), Spec.MultiOnInput,
            Spec.MultiOnWithinMilliseconds, controlPeriodMs ?? Spec.ControlPeriodMilliseconds, watchdog ?? Spec.Watchdog,
            Spec.AdcBits, Spec.AdcReferenceVolts, Spec.AdcFullScaleMarginCounts, Spec.FailSafe.ToArray(), Spec.SendOnFlagChange);

    /// <summary>The Feather profile over <paramref name="board"/> (default: the spec's) with other hardware pins.</summary>
    public static BoardProfile Profile(BoardDescriptor? board = null, IReadOnlyList<PinAssignment>? hardwarePins = null, string? mode = null) =>
        new("variant", "VeBusBmsV2", board ?? Spec, mode ?? VeBusBmsV2Board.DefaultInputMode, hardwarePins ?? HardwarePins, SerialSettings.VeBus("COM4"),
            BoardProfiles.StatisticsIntervalMs);

    /// <summary>The Feather profile's terminals, LEDs and UART pins.</summary>
    public static IReadOnlyList<PinAssignment> HardwarePins =>
        Feather.Pins.Where(p => p.Role is not (PinRole.AnalogInput or PinRole.DigitalInput)).ToList();

    /// <summary>
    /// A board whose spec held Bootloader at true: the only way into the boot-loader rapid flash on the board, where a
    /// running application is never in its boot loader (the tests of the LED scheduler's early wakes need it).
    /// </summary>
    public static BoardProfile InBootLoader() => Profile(BoardWith(inputs: all => all.Select(b => b.Input == "Bootloader"
        ? new BoardInputBinding(b.Input, b.Kind, b.Pin, b.DividerTopOhms, b.DividerBottomOhms, b.ActiveLow, 1, b.Mode, b.Description, b.Provenance)
        : b)));

    /// <summary>A binding with a different pin or divider.</summary>
    public static BoardInputBinding Rebind(BoardInputBinding b, string? pin = null, double? topOhms = null, BoardInputKind? kind = null) =>
        new(b.Input, kind ?? b.Kind, pin ?? b.Pin, topOhms ?? b.DividerTopOhms, b.DividerBottomOhms, b.ActiveLow, b.ConstantValue, b.Mode, b.Description, b.Provenance);
}
