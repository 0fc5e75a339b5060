using BmsRules.Simulation.VeBus;

namespace BmsRules.Simulation;

/// <summary>
/// A GX device running Venus OS, as far as it concerns a VE.Bus BMS (../shared/reference/vebus.md, "How a GX device
/// sees a VE.Bus BMS"): it reads the BMS from the Multi — never from the BMS itself — and publishes it on D-Bus in the
/// Multi's service (<c>com.victronenergy.vebus.*</c>: <c>/Bms/AllowToCharge</c>, <c>/Bms/AllowToDischarge</c>,
/// <c>/Bms/BmsExpected</c>, <c>/Bms/Error</c>, <c>/Bms/PreAlarm</c>, <c>/Bms/BmsType</c>, <c>/Devices/Bms/Version</c>);
/// every DVCC period it sets the chargers' max charge current (10000 A when AllowToCharge, else 0, capped by the
/// charger's own limit; <c>/Link/ChargeCurrent</c> on a solar charger) and <c>/SystemState/ChargeDisabled</c> and
/// <c>/SystemState/DischargeDisabled</c> (<c>com.victronenergy.system</c>) follow the <c>/Bms/AllowTo*</c> paths.
/// Values are doubles as D-Bus carries them (0/1 for flags); NaN is an invalid (empty) path: no GX power, no Multi.
/// <para>How the Multi fills its <c>/Bms</c> paths is modelled on venus issue #89 (the assistant's RAM flags LowCell,
/// HighCell, Error, BmsExpected; <c>AllowToCharge = !HighCell &amp;&amp; !Error</c>, <c>AllowToDischarge = !LowCell &amp;&amp;
/// !Error</c>). Assumptions, not public: the simulated Multi is always set up for a VE.Bus BMS (BmsExpected = 1; that
/// is why it goes into emergency mode without one), its BMS error is set while it is in emergency mode or cannot work
/// with the V2 (firmware, V2-17), and the system paths are recomputed on the DVCC period.</para>
/// </summary>
public sealed class GxDevice
{
    /// <summary>/Bms/BmsType of a VE.Bus BMS.</summary>
    public const int VeBusBmsType = 2;

    /// <summary>DVCC's max charge current while the BMS allows charging (A): no limit of its own.</summary>
    public const double DvccUnlimited = 10_000;

    private readonly GxParameters _p;
    private long _nextDvccMs;
    private bool _dvccRunning;

    /// <summary>A GX device set up as <paramref name="parameters"/> says.</summary>
    public GxDevice(GxParameters parameters)
    {
        _p = parameters;
        Clear();
        MaxChargeCurrent = double.NaN;
        ChargeDisabled = double.NaN;
        DischargeDisabled = double.NaN;
    }

#pragma warning disable CS1591 // Each is the D-Bus path of the same name; NaN = invalid.
    public double AllowToCharge { get; private set; }
    public double AllowToDischarge { get; private set; }
    public double BmsExpected { get; private set; }
    public double Error { get; private set; }
    public double PreAlarm { get; private set; }
    public double BmsType { get; private set; }
    public double BmsVersion { get; private set; }
    public double ChargeDisabled { get; private set; }
    public double DischargeDisabled { get; private set; }
#pragma warning restore CS1591

    /// <summary>DVCC's max charge current (A) from its last run: <see cref="DvccUnlimited"/> or 0; NaN when DVCC does not limit (off, no GX power, or no VE.Bus BMS seen through a Multi).</summary>
    public double MaxChargeCurrent { get; private set; }

    /// <summary>When DVCC last ran (ms), or −1.</summary>
    public long LastDvccMs { get; private set; } = -1;

    /// <summary>Whether any published value changed in the last <see cref="Update"/>.</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// The max charge current DVCC gives a charger rated <paramref name="chargerLimit"/> A (its <c>/Link/ChargeCurrent</c>):
    /// 0 while charging is not allowed, the charger's own limit otherwise; NaN when DVCC does not limit.
    /// </summary>
    public double ChargerLimit(double chargerLimit) =>
        double.IsNaN(MaxChargeCurrent) ? double.NaN : MaxChargeCurrent < chargerLimit ? MaxChargeCurrent : chargerLimit;

    /// <summary>
    /// Updates the GX at <paramref name="nowMs"/>: powered or not, whether there is a Multi, whether that Multi can work
    /// with the BMS, and what the Multi received from it.
    /// </summary>
    public void Update(long nowMs, bool powered, bool multiPresent, bool multiCompatible, in MultiBmsView bms)
    {
        var b0 = AllowToCharge; var b1 = AllowToDischarge; var b2 = Error; var b3 = PreAlarm; var b4 = BmsVersion;
        var b5 = ChargeDisabled; var b6 = DischargeDisabled; var b7 = MaxChargeCurrent; var b8 = BmsExpected;
        if (!powered)
        {
            Clear();
            ChargeDisabled = DischargeDisabled = MaxChargeCurrent = double.NaN;
            _dvccRunning = false;
        }
        else
        {
            if (multiPresent) ReadMulti(multiCompatible, bms);
            else Clear();
            if (!_dvccRunning || nowMs >= _nextDvccMs) RunDvcc(nowMs);
        }
        Changed = !(Same(b0, AllowToCharge) && Same(b1, AllowToDischarge) && Same(b2, Error) && Same(b3, PreAlarm) && Same(b4, BmsVersion)
                    && Same(b5, ChargeDisabled) && Same(b6, DischargeDisabled) && Same(b7, MaxChargeCurrent) && Same(b8, BmsExpected));
    }

    private void ReadMulti(bool compatible, in MultiBmsView bms)
    {
        var error = bms.EmergencyMode || !compatible;
        BmsExpected = 1;
        BmsType = VeBusBmsType;
        Error = error ? 1 : 0;
        AllowToCharge = bms.AllowToCharge && !error ? 1 : 0;
        AllowToDischarge = bms.AllowToDischarge && !error ? 1 : 0;
        PreAlarm = bms.PreAlarm ? 1 : 0;
        BmsVersion = bms.BmsVersion > 0 ? bms.BmsVersion : double.NaN;
    }

    private void RunDvcc(long nowMs)
    {
        // A GX that just got power runs DVCC at once, then on its period.
        _dvccRunning = true;
        _nextDvccMs = nowMs + _p.DvccPeriodMs;
        LastDvccMs = nowMs;
        var haveBms = !double.IsNaN(AllowToCharge);
        ChargeDisabled = haveBms ? 1 - AllowToCharge : double.NaN;
        DischargeDisabled = haveBms ? 1 - AllowToDischarge : double.NaN;
        MaxChargeCurrent = _p.Dvcc && haveBms ? (AllowToCharge == 1 ? DvccUnlimited : 0) : double.NaN;
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private void Clear()
    {
        AllowToCharge = AllowToDischarge = BmsExpected = Error = PreAlarm = BmsType = BmsVersion = double.NaN;
    }
}
