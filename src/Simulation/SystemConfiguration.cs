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
    /// How often Venus OS's DVCC recomputes the chargers' limits (ms): <see cref="VenusOsRules.DvccPeriodMs"/>. A
    /// parameter, so a scenario can show what a slower or faster GX does.
    /// </summary>
    public const long DefaultDvccPeriodMs = VenusOsRules.DvccPeriodMs;

    /// <summary>DVCC is on: chargers with <c>control: dvcc</c> follow its max charge current (V2-06).</summary>
    public bool Dvcc { get; set; } = true;

    /// <summary>The DVCC period (ms).</summary>
    public long DvccPeriodMs { get; set; } = DefaultDvccPeriodMs;

    /// <summary>
    /// The GX's VE.Bus interface, shown as <c>/Interfaces/Mk2/ProductName</c>; DVCC treats the BMS as a V2 (BMS bit in the
    /// solar chargers' network mode) only on an MK3 (<see cref="VenusOsRules.HasVebusBmsV2"/>). Default MK3: 001 §3.5
    /// asks for Venus OS 2.80 or later and §4.1 shows a Cerbo GX on the BMS's Remote panel port. That the built-in VE.Bus
    /// port of such a current GX is an MK3 (an MK2 only on old GX devices or an MK2-USB) is an assumption; Venus OS's own
    /// test of this rule (dbus-systemcalc-py tests/hub_test.py, test_vebus_stop_charge) sets the BMS bit "only with an mk3
    /// chip".
    /// </summary>
    public VeBusInterface Interface { get; set; } = VeBusInterface.Mk3;
}

/// <summary>The VE.Bus interface of a GX device (its <c>/Interfaces/Mk2/ProductName</c>).</summary>
public enum VeBusInterface : byte
{
    /// <summary>An MK2 (old GX devices, MK2-USB).</summary>
    Mk2,

    /// <summary>An MK3.</summary>
    Mk3,
}
