using System;

namespace BmsRules.Simulation;

/// <summary>
/// What Venus OS on a GX device computes from a VE.Bus BMS, one rule per member, each following the function of
/// victronenergy/dbus-systemcalc-py v2.256 (commit 9730db0) named in its documentation; the paths the Multi's service
/// fills (mk2-dbus, not public) are assumptions stated where they are used (<see cref="GxDevice"/>). Values are doubles
/// as D-Bus carries them, NaN for an invalid (empty) path; a comparison with NaN is false and NaN differs from every
/// number, which is how the Python code treats <c>None</c>. docs/vebus.md, "How a GX device sees it", lists the rules.
/// </summary>
public static class VenusOsRules
{
    /// <summary><c>/Bms/BmsType</c> of a VE.Bus BMS (delegates/dvcc.py, <c>Multi.has_vebus_bms</c>).</summary>
    public const int VeBusBmsType = 2;

    /// <summary>The lowest <c>/Devices/Bms/Version</c> that is a V2 (delegates/dvcc.py, <c>Multi.has_vebus_bmsv2</c>).</summary>
    public const double BmsV2Version = 1_146_100;

    /// <summary><c>/Hub4/AssistantId</c> of the ESS assistant (delegates/multi.py, <c>Service.has_ess_assistant</c>).</summary>
    public const int EssAssistantId = 5;

    /// <summary>
    /// DVCC's max charge current while a VE.Bus BMS allows charging (A): no limit of its own
    /// (delegates/dvcc.py, <c>Dvcc._on_timer</c>).
    /// </summary>
    public const double DvccUnlimited = 10_000;

    /// <summary>
    /// Solar chargers' <c>/Link/NetworkMode</c> under DVCC with a max charge current: bit 0 (networked) and bit 2
    /// (remote charge current and voltage) (delegates/dvcc.py, <c>Dvcc._set_solarcharger_networkmode</c>).
    /// </summary>
    public const int NetworkModeCharge = 1 | 4;

    /// <summary>Bit 3 of the network mode: remote BMS control; a charger that loses it stops (error #67) (same function).</summary>
    public const int NetworkModeBmsBit = 8;

    /// <summary>
    /// The system state (<c>/SystemState/*</c>) is recomputed on systemcalc's one-second timer
    /// (dbus_systemcalc.py, <c>SystemCalc._handletimertick</c>).
    /// </summary>
    public const long SystemStatePeriodMs = 1_000;

    /// <summary>
    /// DVCC acts every third tick of its one-second timer (delegates/dvcc.py: <c>ADJUST = 3</c>, <c>Dvcc._on_timer</c>;
    /// the timer starts with the first charger or battery seen), so first 3 s after start, then every 3 s.
    /// </summary>
    public const long DvccPeriodMs = 3_000;

    /// <summary><c>/VebusMainState</c>: bypass (AC passed through) — the main state the ESS system state reads with 9.</summary>
    public const int MainStateBypass = 8;

    /// <summary><c>/VebusMainState</c>: charging.</summary>
    public const int MainStateCharge = 9;

    /// <summary><c>/VebusMainState</c>: off.</summary>
    public const int MainStateOff = 2;

    /// <summary><c>/VebusMainState</c>: inverting.</summary>
    public const int MainStateInvert = 4;

    /// <summary><c>/VebusMainState</c>: down (not running: a VE.Bus error).</summary>
    public const int MainStateDown = 0;

    /// <summary>A VE.Bus BMS is seen: <c>/Bms/BmsType</c> is 2 (delegates/dvcc.py, <c>Multi.has_vebus_bms</c>).</summary>
    public static bool HasVebusBms(double bmsType) => bmsType == VeBusBmsType;

    /// <summary>
    /// DVCC treats the BMS as a V2 (delegates/dvcc.py, <c>Multi.has_vebus_bmsv2</c>): a VE.Bus BMS whose
    /// <c>/Bms/AllowToCharge</c> is valid while <c>/Devices/Bms/Version</c> is not (the Multi is off, and a V1 would
    /// have gone invalid with it), whatever the interface; otherwise only a version of at least 1146100 on an MK3.
    /// </summary>
    public static bool HasVebusBmsV2(double bmsType, double allowToCharge, double version, VeBusInterface vebusInterface)
    {
        if (HasVebusBms(bmsType) && !double.IsNaN(allowToCharge) && double.IsNaN(version)) return true;
        return (double.IsNaN(version) ? 0 : version) >= BmsV2Version && vebusInterface == VeBusInterface.Mk3;
    }

    /// <summary>
    /// <c>/SystemState/ChargeDisabled</c> and <c>/SystemState/DischargeDisabled</c> (delegates/systemstate.py,
    /// <c>SystemState.state</c> and <c>bms_state</c>): 0 and 0 unless the ESS assistant is installed and the Multi's
    /// <c>/VebusMainState</c> is 8 or 9; then 1 for a <c>/Bms/AllowTo…</c> path that is 0. When either path is invalid
    /// systemstate falls back to <c>/BatteryOperationalLimits</c>, which a V2 system does not publish, and reads that as
    /// allowed. A GX with no Multi shows 0 and 0 too (no battery service either).
    /// </summary>
    public static (double Charge, double Discharge) SystemStateFlags(bool essAssistant, double mainState, double allowToCharge, double allowToDischarge)
    {
        if (!essAssistant || !(mainState == MainStateBypass || mainState == MainStateCharge)) return (0, 0);
        if (double.IsNaN(allowToCharge) || double.IsNaN(allowToDischarge)) return (0, 0);
        return (allowToCharge == 0 ? 1 : 0, allowToDischarge == 0 ? 1 : 0);
    }

    /// <summary>
    /// DVCC's max charge current from a VE.Bus BMS (delegates/dvcc.py, <c>Dvcc._on_timer</c>): with a VE.Bus BMS,
    /// <see cref="DvccUnlimited"/> unless <c>/Bms/AllowToCharge</c> is 0, then 0 — for a V1 and a V2, with or without
    /// ESS, and it must stop on 0 (<c>stop_on_mcc0</c>); no user limit is set (<c>/Settings/SystemSetup/MaxChargeCurrent</c>
    /// −1). NaN without a VE.Bus BMS: DVCC then writes no limit.
    /// </summary>
    public static double DvccMaxChargeCurrent(double bmsType, double allowToCharge) =>
        !HasVebusBms(bmsType) ? double.NaN : allowToCharge != 0 ? DvccUnlimited : 0;

    /// <summary>
    /// The network mode DVCC writes to every solar charger while it has a max charge current: 13 with the BMS bit when
    /// the BMS is a V2 (<see cref="HasVebusBmsV2"/>), else 5 (delegates/dvcc.py, <c>Dvcc._set_solarcharger_networkmode</c>,
    /// <c>ChargerSubsystem.set_networkmode</c>); NaN (nothing written) without a max charge current.
    /// </summary>
    public static double NetworkMode(double maxChargeCurrent, bool bmsIsV2) =>
        double.IsNaN(maxChargeCurrent) ? double.NaN : NetworkModeCharge | (bmsIsV2 ? NetworkModeBmsBit : 0);

    /// <summary>
    /// The <c>/Link/ChargeCurrent</c> DVCC writes to a single solar charger rated <paramref name="chargerLimit"/> A (its
    /// <c>/Settings/ChargeCurrentLimit</c>) (delegates/dvcc.py, <c>ChargerSubsystem.set_maxchargecurrent</c> and
    /// <c>_set_charge_current</c>): 0 on a max charge current of 0, else the max charge current rounded up and capped at
    /// the rating; NaN when DVCC writes none.
    /// </summary>
    public static double SolarChargeCurrent(double maxChargeCurrent, double chargerLimit)
    {
        if (double.IsNaN(maxChargeCurrent)) return double.NaN;
        if (maxChargeCurrent == 0) return 0;
        return Math.Max(0, Math.Min(Math.Ceiling(maxChargeCurrent), chargerLimit));
    }

    /// <summary>
    /// The Multi's <c>/VebusMainState</c> for a simulated state. Assumption: the VE.Bus device states of Victron's MK2/MK3
    /// interface protocol (0 down, 2 off, 4 invert full, 8 bypass, 9 charge), which systemstate.py reads as "charge or
    /// bypass" for 8 and 9 and its tests as 9 charging, 4 inverting (tests/ess_state_test.py); low-power mode and a
    /// Multi that cannot work with the BMS count as off, a VE.Bus error as down.
    /// </summary>
    public static int VebusMainState(MultiState state) => state switch
    {
        MultiState.Inverting => MainStateInvert,
        MultiState.PassThru => MainStateBypass,
        MultiState.Charging or MultiState.ChargerOnly or MultiState.ReducedCharging or MultiState.Emergency => MainStateCharge,
        MultiState.Error => MainStateDown,
        _ => MainStateOff,
    };
}
