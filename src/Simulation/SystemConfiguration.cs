namespace BmsRules.Simulation;

/// <summary>Everything around the BMS at the start of a run: bank, Multi, chargers, loads, wiring.</summary>
public sealed class SystemConfiguration
{
    /// <summary>The battery bank.</summary>
    public BankConfiguration Bank { get; } = new();

    /// <summary>The inverter/charger.</summary>
    public MultiParameters Multi { get; } = new();

    /// <summary>The remote on/off switch and its wiring.</summary>
    public RemoteSwitch Remote { get; } = new();

    /// <summary>AC mains (grid or generator) at the Multi's input.</summary>
    public bool Mains { get; set; }

    /// <summary>Voltage on the Aux-In terminal (V).</summary>
    public double AuxInVoltage { get; set; }

    /// <summary>The BMS is plugged into VE.Bus (it takes battery minus from VE.Bus, V2-21: unplugged it is unpowered).</summary>
    public bool BmsConnected { get; set; } = true;

    /// <summary>Battery data does not reach the BMS at the start (readings stop).</summary>
    public bool BatteryDataLost { get; set; }

    /// <summary>The BMS is stuck in its boot loader.</summary>
    public bool Bootloader { get; set; }

    /// <summary>DC loads behind a BatteryProtect switched by the Load disconnect output.</summary>
    public Demand DcLoad { get; set; }

    /// <summary>DC loads wired straight to the battery (standby and residual currents).</summary>
    public Demand AlwaysOnLoad { get; set; }

    /// <summary>AC loads on the Multi's output (W).</summary>
    public double AcLoadWatts { get; set; }

    /// <summary>The solar charger (its Available is the sun: watts, or amps).</summary>
    public DcCharger Solar { get; } = new("solar");

    /// <summary>The DC-DC / alternator charger.</summary>
    public DcCharger Dcdc { get; } = new("dcdc");

    /// <summary>The GX device on GX-Pow.</summary>
    public GxParameters Gx { get; } = new();

    /// <summary>
    /// Put every VE.Bus sync frame on the simulated wire instead of only those the BMS answers (slower; the same
    /// frames at the same times). For tests of the bus's event schedule; scenarios do not set it.
    /// </summary>
    public bool VeBusEverySync { get; set; }
}

/// <summary>A GX device powered from the BMS's GX-Pow terminal (V2-09).</summary>
public sealed class GxParameters
{
    /// <summary>Whether a GX device is connected.</summary>
    public bool Present { get; set; }

    /// <summary>Its power draw (W), taken from the battery when GX-Pow is fed by the battery.</summary>
    public double Power { get; set; } = 3;

    /// <summary>
    /// How often Venus OS's DVCC recomputes the chargers' limits (ms): every 3 s (dbus-systemcalc-py delegates/dvcc.py,
    /// in ../shared/reference/vebus.md). A parameter, so a scenario can show what a slower or faster GX does.
    /// </summary>
    public const long DefaultDvccPeriodMs = 3_000;

    /// <summary>DVCC is on: chargers with <c>control: dvcc</c> follow its max charge current (V2-06).</summary>
    public bool Dvcc { get; set; } = true;

    /// <summary>The DVCC period (ms).</summary>
    public long DvccPeriodMs { get; set; } = DefaultDvccPeriodMs;
}
