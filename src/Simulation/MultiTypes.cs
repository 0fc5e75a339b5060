using BmsRules.Simulation.VeBus;

namespace BmsRules.Simulation;

/// <summary>The Multi's front switch (or the on/off/charger-only control of a GX, DMC or dongle).</summary>
public enum MultiSwitch : byte
{
    /// <summary>Inverter and charger enabled.</summary>
    On,

    /// <summary>Off.</summary>
    Off,

    /// <summary>Charger only: charges and passes AC through when mains is present, never inverts.</summary>
    ChargerOnly,
}

/// <summary>What the Multi is doing.</summary>
public enum MultiState : byte
{
    /// <summary>Off: switched off, or no AC while inverting is not allowed (low cell), or shut down.</summary>
    Off,

    /// <summary>Held in low-power mode by the BMS (remote off): no charging, no inverting, even with mains.</summary>
    LowPower,

    /// <summary>No mains: inverting from the battery.</summary>
    Inverting,

    /// <summary>Mains present and passed through to the AC loads; not charging.</summary>
    PassThru,

    /// <summary>Mains present; charging (bulk, absorption or float) and passing AC through.</summary>
    Charging,

    /// <summary>
    /// Mains present; charging and passing AC through, but it could not invert if mains went away: the BMS does not
    /// allow discharging (low cell, V2-04) or the front switch is on charger only.
    /// </summary>
    ChargerOnly,

    /// <summary>Mains present; charging with the reduced current the BMS asked for (high cell).</summary>
    ReducedCharging,

    /// <summary>No BMS frames: emergency mode, charging at most 5 A up to the system's nominal voltage, never inverting.</summary>
    Emergency,

    /// <summary>VE.Bus error (e.g. 15, combination error): does nothing.</summary>
    Error,

    /// <summary>Cannot work with a VE.Bus BMS V2 (processor or firmware without the assistant): does nothing.</summary>
    Unsupported,
}

/// <summary>The environment of the Multi in one step.</summary>
/// <param name="MainsPresent">AC input available.</param>
/// <param name="AcLoadWatts">Power the AC loads take.</param>
/// <param name="BatteryVoltage">DC voltage at its terminals (the last step's bank voltage).</param>
/// <param name="FrontSwitch">Front switch / remote panel setting.</param>
public readonly record struct MultiEnvironment(bool MainsPresent, double AcLoadWatts, double BatteryVoltage, MultiSwitch FrontSwitch);

/// <summary>What the Multi does in one step.</summary>
/// <param name="State">Its state.</param>
/// <param name="ChargeLimit">The most it will charge with (A, DC side).</param>
/// <param name="ChargeVoltage">The bank voltage it charges up to (V).</param>
/// <param name="DischargeCurrent">What it takes from the battery to invert (A).</param>
/// <param name="VeBusError">VE.Bus error number shown on its LEDs (0 = none).</param>
public readonly record struct MultiOutput(MultiState State, double ChargeLimit, double ChargeVoltage, double DischargeCurrent, int VeBusError)
{
    /// <summary>Whether it reports itself on over VE.Bus (inverting, charging or passing through).</summary>
    public bool IsOn => State is MultiState.Inverting or MultiState.PassThru or MultiState.Charging or MultiState.ChargerOnly
        or MultiState.ReducedCharging or MultiState.Emergency;
}

/// <summary>
/// An inverter/charger as the simulator needs it: what its VE.Bus end received from the BMS (the
/// <see cref="MultiBmsView"/> of a <see cref="MultiEndpoint"/>) and its environment in, what it does out.
/// The same model runs in the simulator and behind <c>bms vebus multi</c> on a serial port.
/// </summary>
public interface IMultiModel
{
    /// <summary>The result of the last step.</summary>
    MultiOutput Last { get; }

    /// <summary>Advances to <paramref name="nowMs"/> with the BMS as the Multi's bus end sees it then.</summary>
    MultiOutput Step(in MultiBmsView bms, in MultiEnvironment environment, long nowMs);
}
