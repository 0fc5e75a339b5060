using BmsRules.Simulation.VeBus;

namespace BmsRules.Simulation;

/// <summary>
/// A GX device running Venus OS, as far as it concerns a VE.Bus BMS (docs/vebus.md, "How a GX device sees it"). It reads
/// the BMS from the Multi — never from the BMS itself — in the Multi's D-Bus service (<c>com.victronenergy.vebus.*</c>),
/// and computes from those paths what Venus OS's systemcalc computes (<see cref="VenusOsRules"/>): the system state every
/// second, DVCC's max charge current and the solar chargers' <c>/Link/ChargeCurrent</c> and <c>/Link/NetworkMode</c>
/// every DVCC period. Values are doubles as D-Bus carries them (0/1 for flags); NaN is an invalid (empty) path.
/// <para>The Multi's service (mk2-dbus) is not public; what it shows is modelled on venus issue #89 (the assistant's
/// RAM flags LowCell, HighCell, Error, BmsExpected; <c>AllowToCharge = !HighCell &amp;&amp; !Error</c>,
/// <c>AllowToDischarge = !LowCell &amp;&amp; !Error</c>), venus issue #938 (since Venus OS 2.80 the BMS paths are
/// reported while the Multi is off; a V1 is then gone, a V2 is not) and dvcc.py's <c>Multi.has_vebus_bmsv2</c>
/// (<c>/Devices/Bms/Version</c> is invalid while the Multi is off). Assumptions: the simulated Multi is always set up
/// for a VE.Bus BMS (BmsExpected = 1; that is why it goes into emergency mode without one), its BMS error is set while
/// it is in emergency mode or cannot work with the V2 (firmware, V2-17); <c>/Bms/PreAlarm</c> and
/// <c>/Alarms/BmsPreAlarm</c> (the GX's "BMS pre-alarm" notification, venus-platform's VE.Bus alarms) stay 0, since the
/// V2 sends no pre-alarm (001 §1, 004 §1: no notification on the GX device).</para>
/// <para>Timing: a GX powered at the first step has been running (its last system-state update and DVCC run were at
/// that step); one that gets power later starts its timers then — system state after 1 s, DVCC after one DVCC
/// period — and until DVCC first runs the chargers it controls stay stopped, as they were while it was off.</para>
/// </summary>
public sealed class GxDevice
{
    private readonly GxParameters _p;
    private readonly bool _essAssistant;
    private long _nextStateMs;
    private long _nextDvccMs;
    private bool _running;
    private bool _started;

    /// <summary>A GX device set up as <paramref name="parameters"/> says, on a Multi with (or without) the ESS assistant.</summary>
    public GxDevice(GxParameters parameters, bool essAssistant = false)
    {
        _p = parameters;
        _essAssistant = essAssistant;
        Clear();
        ClearComputed();
    }

#pragma warning disable CS1591 // Each is the D-Bus path of the same name; NaN = invalid.
    public double AllowToCharge { get; private set; }
    public double AllowToDischarge { get; private set; }
    public double BmsExpected { get; private set; }
    public double Error { get; private set; }
    public double PreAlarm { get; private set; }
    public double AlarmBmsPreAlarm { get; private set; }
    public double BmsType { get; private set; }
    public double BmsVersion { get; private set; }
    public double VebusMainState { get; private set; }
    public double HubAssistantId { get; private set; }
    public double ChargeDisabled { get; private set; }
    public double DischargeDisabled { get; private set; }
    public double NetworkMode { get; private set; }
#pragma warning restore CS1591

    /// <summary>The GX's VE.Bus interface (<c>/Interfaces/Mk2/ProductName</c>: "MK2" or "MK3").</summary>
    public VeBusInterface Interface => _p.Interface;

    /// <summary>Whether the Multi has the ESS assistant (<c>/Hub4/AssistantId</c> 5).</summary>
    public bool EssAssistant => _essAssistant;

    /// <summary>DVCC's max charge current from its last run: <see cref="VenusOsRules.DvccUnlimited"/> or 0; NaN when DVCC does not limit (off, not yet run since power-up, or no VE.Bus BMS seen).</summary>
    public double MaxChargeCurrent { get; private set; }

    /// <summary>Whether DVCC's last run treated the BMS as a V2 (<see cref="VenusOsRules.HasVebusBmsV2"/>).</summary>
    public bool BmsIsV2 { get; private set; }

    /// <summary>When DVCC last ran (ms), or −1.</summary>
    public long LastDvccMs { get; private set; } = -1;

    /// <summary>Whether any published value changed in the last <see cref="Update"/>.</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// The <c>/Link/ChargeCurrent</c> DVCC gives a solar charger rated <paramref name="chargerLimit"/> A
    /// (<see cref="VenusOsRules.SolarChargeCurrent"/>); NaN when DVCC does not limit.
    /// </summary>
    public double ChargerLimit(double chargerLimit) => VenusOsRules.SolarChargeCurrent(MaxChargeCurrent, chargerLimit);

    /// <summary>
    /// Updates the GX at <paramref name="nowMs"/>: powered or not, whether there is a Multi, whether that Multi can work
    /// with the BMS, what the Multi received from it and what the Multi does.
    /// </summary>
    public void Update(long nowMs, bool powered, bool multiPresent, bool multiCompatible, in MultiBmsView bms, in MultiOutput multi)
    {
        var b0 = AllowToCharge; var b1 = AllowToDischarge; var b2 = Error; var b3 = BmsVersion; var b4 = VebusMainState;
        var b5 = ChargeDisabled; var b6 = DischargeDisabled; var b7 = MaxChargeCurrent; var b8 = BmsExpected; var b9 = NetworkMode;
        var first = !_started;
        _started = true;
        if (!powered)
        {
            Clear();
            ClearComputed();
            _running = false;
        }
        else
        {
            if (multiPresent) ReadMulti(multiCompatible, bms, multi);
            else Clear();
            if (!_running)
            {
                _running = true;
                // Running from the start: as if its timers last fired now. Powered later: they start now.
                _nextStateMs = first ? nowMs : nowMs + VenusOsRules.SystemStatePeriodMs;
                _nextDvccMs = first ? nowMs : nowMs + _p.DvccPeriodMs;
            }
            if (nowMs >= _nextStateMs) RunSystemState(nowMs);
            if (nowMs >= _nextDvccMs) RunDvcc(nowMs);
        }
        Changed = !(Same(b0, AllowToCharge) && Same(b1, AllowToDischarge) && Same(b2, Error) && Same(b3, BmsVersion) && Same(b4, VebusMainState)
                    && Same(b5, ChargeDisabled) && Same(b6, DischargeDisabled) && Same(b7, MaxChargeCurrent) && Same(b8, BmsExpected)
                    && Same(b9, NetworkMode));
    }

    private void ReadMulti(bool compatible, in MultiBmsView bms, in MultiOutput multi)
    {
        var error = bms.EmergencyMode || !compatible;
        BmsExpected = 1;
        BmsType = VenusOsRules.VeBusBmsType;
        Error = error ? 1 : 0;
        AllowToCharge = bms.AllowToCharge && !error ? 1 : 0;
        AllowToDischarge = bms.AllowToDischarge && !error ? 1 : 0;
        PreAlarm = 0;
        AlarmBmsPreAlarm = 0;
        BmsVersion = multi.IsOn && bms.BmsVersion > 0 ? bms.BmsVersion : double.NaN;
        VebusMainState = VenusOsRules.VebusMainState(multi.State);
        HubAssistantId = _essAssistant ? VenusOsRules.EssAssistantId : double.NaN;
    }

    private void RunSystemState(long nowMs)
    {
        while (_nextStateMs <= nowMs) _nextStateMs += VenusOsRules.SystemStatePeriodMs;
        (ChargeDisabled, DischargeDisabled) = VenusOsRules.SystemStateFlags(_essAssistant, VebusMainState, AllowToCharge, AllowToDischarge);
    }

    private void RunDvcc(long nowMs)
    {
        while (_nextDvccMs <= nowMs) _nextDvccMs += _p.DvccPeriodMs;
        LastDvccMs = nowMs;
        if (!_p.Dvcc)
        {
            // Without DVCC, systemcalc's legacy charger control writes nothing in a VE.Bus BMS system (no battery service,
            // no ESS charge voltage): dvcc.py, Dvcc._legacy_update_solarchargers.
            MaxChargeCurrent = NetworkMode = double.NaN;
            BmsIsV2 = false;
            return;
        }
        MaxChargeCurrent = VenusOsRules.DvccMaxChargeCurrent(BmsType, AllowToCharge);
        BmsIsV2 = VenusOsRules.HasVebusBmsV2(BmsType, AllowToCharge, BmsVersion, _p.Interface);
        NetworkMode = VenusOsRules.NetworkMode(MaxChargeCurrent, BmsIsV2);
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private void Clear()
    {
        AllowToCharge = AllowToDischarge = BmsExpected = Error = PreAlarm = AlarmBmsPreAlarm = BmsType = BmsVersion = double.NaN;
        VebusMainState = HubAssistantId = double.NaN;
    }

    private void ClearComputed()
    {
        ChargeDisabled = DischargeDisabled = MaxChargeCurrent = NetworkMode = double.NaN;
        BmsIsV2 = false;
    }
}
