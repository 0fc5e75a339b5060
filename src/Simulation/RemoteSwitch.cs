namespace BmsRules.Simulation;

/// <summary>How the remote on/off terminals are wired (001 §3.4, §8).</summary>
public enum RemoteWiring : byte
{
    /// <summary>A switch (or the wire bridge) between L and H: mode a.</summary>
    Loop,

    /// <summary>A switch from L to battery minus: mode b.</summary>
    LToMinus,

    /// <summary>A switch from H to battery plus: mode c.</summary>
    HToPlus,

    /// <summary>Nothing connected: the BMS can never switch on (mode d).</summary>
    None,
}

/// <summary>
/// The remote switch and its wiring, as voltages on the terminals. A floating L reads high (battery
/// voltage) and a floating H reads low (0 V), as the spec's inputs describe; a switch to battery plus
/// drops <see cref="HDrop"/> across wire and fuse, so H stays just below the battery voltage.
/// </summary>
public sealed class RemoteSwitch
{
    /// <summary>The wiring.</summary>
    public RemoteWiring Wiring { get; set; } = RemoteWiring.Loop;

    /// <summary>Whether the switch is closed (system on).</summary>
    public bool On { get; set; } = true;

    /// <summary>Voltage lost between battery plus and H when switched that way (V).</summary>
    public double HDrop { get; set; } = 0.3;

    /// <summary>Whether L and H are connected to each other.</summary>
    public bool LoopClosed => Wiring == RemoteWiring.Loop && On;

    /// <summary>Voltage on L against battery minus.</summary>
    public double LVoltage(double batteryVoltage) => Wiring == RemoteWiring.LToMinus && On ? 0 : batteryVoltage;

    /// <summary>Voltage on H against battery minus.</summary>
    public double HVoltage(double batteryVoltage) => Wiring == RemoteWiring.HToPlus && On ? batteryVoltage - HDrop : 0;
}
