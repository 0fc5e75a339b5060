using BmsRules.Simulation.VeBus;

namespace BmsRules.Simulation;

/// <summary>
/// A MultiPlus/Quattro as far as the VE.Bus BMS V2 manual describes it, reacting to the BMS as its VE.Bus end
/// received it (<see cref="MultiBmsView"/>: the last BMS frame's flags, and emergency mode when frames stopped —
/// the timeout is the Multi endpoint's, <see cref="MultiBmsMonitor.BmsFrameTimeoutMs"/>):
/// <list type="bullet">
/// <item>AllowToDischarge off (low cell): charger only — charges when mains is present, otherwise off (V2-04, FAQ Q3).</item>
/// <item>AllowToCharge off: no charging; with ChargeReduction: back to bulk at the reduced current (V2-05, FAQ Q4).</item>
/// <item>LowPowerMode (remote off): low-power mode, no charging or inverting even with mains (V2-08).</item>
/// <item>Emergency mode (no BMS frames): at most 5 A up to 12/24/48 V, no inverting (V2-18).</item>
/// <item>Old-style Multi: after a low-cell shutdown it restarts on mains only with the mains detector (V2-19).</item>
/// <item>Firmware: below xxxx415 VE.Bus error 15; 415–488 only with the assistant; processors 19/20 unsupported (V2-17).</item>
/// </list>
/// Charging is bulk → absorption (for <see cref="MultiParameters.AbsorptionTimeMs"/>) → float.
/// </summary>
public sealed class SimpleMultiModel : IMultiModel
{
    private enum Phase : byte { Bulk, Absorption, Float }

    private readonly MultiParameters _p;
    private readonly double _systemVoltage;
    private readonly double _absorption;
    private readonly double _float;
    private readonly double _rebulk;
    private readonly MultiState _incompatibleState;
    private readonly int _incompatibleError;
    private bool _shutDown;
    private bool _wasSwitchedOff;
    private bool _wasCharging;
    private Phase _phase;
    private long _phaseSince;

    /// <summary>Creates the Multi for a bank of <paramref name="cellsInSeries"/> cells and system voltage <paramref name="systemVoltage"/> (12, 24, 48).</summary>
    public SimpleMultiModel(MultiParameters parameters, int cellsInSeries, double systemVoltage)
    {
        _p = parameters;
        _systemVoltage = systemVoltage;
        _absorption = parameters.AbsorptionVoltage > 0 ? parameters.AbsorptionVoltage : 3.55 * cellsInSeries;
        _float = parameters.FloatVoltage > 0 ? parameters.FloatVoltage : 3.375 * cellsInSeries;
        _rebulk = parameters.RebulkVoltage > 0 ? parameters.RebulkVoltage : 3.30 * cellsInSeries;
        Compatibility = VeBusFirmware.Check(parameters.Firmware, parameters.HasBmsCapableAssistant);
        (_incompatibleState, _incompatibleError) = Compatibility switch
        {
            FirmwareCompatibility.CombinationError => (MultiState.Error, VeBusFirmware.CombinationErrorNumber),
            FirmwareCompatibility.NeedsAssistant or FirmwareCompatibility.UnsupportedProcessor => (MultiState.Unsupported, 0),
            _ => (MultiState.Off, 0),
        };
    }

    /// <summary>The firmware check's result.</summary>
    public FirmwareCompatibility Compatibility { get; }

    /// <summary>Whether an old-style Multi is latched off after a low-cell shutdown.</summary>
    public bool ShutDown => _shutDown;

    /// <inheritdoc/>
    public MultiOutput Last { get; private set; }

    /// <inheritdoc/>
    public MultiOutput Step(in MultiBmsView bms, in MultiEnvironment environment, long nowMs)
    {
        Last = _incompatibleState != MultiState.Off
            ? new MultiOutput(_incompatibleState, 0, 0, 0, _incompatibleError)
            : Decide(bms, environment, nowMs);
        return Last;
    }

    private MultiOutput Decide(in MultiBmsView bms, in MultiEnvironment env, long nowMs)
    {
        if (env.FrontSwitch == MultiSwitch.Off)
        {
            // Switching the Multi off and on again restarts an old-style Multi by hand.
            _wasSwitchedOff = true;
            return Idle(MultiState.Off);
        }
        if (_wasSwitchedOff)
        {
            _wasSwitchedOff = false;
            _shutDown = false;
        }

        if (bms.EmergencyMode)
        {
            // V2-18: without a BMS the Multi trusts nothing: it charges a little and never inverts.
            if (!env.MainsPresent) return Idle(MultiState.Off);
            return Charge(MultiState.Emergency, _p.EmergencyCurrent, _systemVoltage, env, nowMs, forceBulk: false);
        }

        // Between frames, and before the first, the Multi goes by the last frame it received (none: nothing allowed).
        if (bms.LowPowerMode) return Idle(MultiState.LowPower);

        if (_shutDown)
        {
            if (env.MainsPresent && _p.MainsDetector) _shutDown = false;
            else return Idle(MultiState.Off);
        }

        var mayInvert = bms.AllowToDischarge && env.FrontSwitch == MultiSwitch.On;
        if (env.MainsPresent)
        {
            if (bms.AllowToCharge) return Charge(mayInvert ? MultiState.Charging : MultiState.ChargerOnly, _p.ChargeCurrent, 0, env, nowMs, forceBulk: false);
            if (bms.ChargeReduction) return Charge(MultiState.ReducedCharging, _p.ReducedChargeCurrent, 0, env, nowMs, forceBulk: true);
            return Idle(MultiState.PassThru);
        }

        if (mayInvert)
        {
            _wasCharging = false;
            var watts = env.AcLoadWatts * (1 / _p.Efficiency) + _p.IdlePower;
            var amps = env.BatteryVoltage > 1 ? watts / env.BatteryVoltage : 0;
            return new MultiOutput(MultiState.Inverting, 0, 0, amps, 0);
        }

        // No mains and no inverting allowed: off. An old-style Multi cannot wake up by itself.
        if (!bms.AllowToDischarge && _p.OldStyle) _shutDown = true;
        return Idle(MultiState.Off);
    }

    private MultiOutput Idle(MultiState state)
    {
        _wasCharging = false;
        return new MultiOutput(state, 0, 0, 0, 0);
    }

    private MultiOutput Charge(MultiState state, double limit, double fixedVoltage, in MultiEnvironment env, long nowMs, bool forceBulk)
    {
        if (!_wasCharging || forceBulk) SetPhase(Phase.Bulk, nowMs);
        _wasCharging = true;
        if (fixedVoltage > 0) return new MultiOutput(state, limit, fixedVoltage, 0, 0);

        switch (_phase)
        {
            case Phase.Bulk when env.BatteryVoltage >= _absorption - 0.02:
                SetPhase(Phase.Absorption, nowMs);
                break;
            case Phase.Absorption when nowMs - _phaseSince >= _p.AbsorptionTimeMs:
                SetPhase(Phase.Float, nowMs);
                break;
            case Phase.Float when env.BatteryVoltage < _rebulk:
                SetPhase(Phase.Bulk, nowMs);
                break;
        }
        return new MultiOutput(state, limit, _phase == Phase.Float ? _float : _absorption, 0, 0);
    }

    private void SetPhase(Phase phase, long nowMs)
    {
        if (_phase == phase && _wasCharging) return;
        _phase = phase;
        _phaseSince = nowMs;
    }
}
