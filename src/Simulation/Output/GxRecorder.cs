using System.Collections.Generic;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Output;

/// <summary>
/// Records what a GX device shows on D-Bus (<see cref="GxDevice"/>), for the JSON output: the first step, then every
/// step in which any of its paths changed, each entry with every path's value. A step without a change allocates nothing.
/// </summary>
internal sealed class GxRecorder : IRunObserver
{
    private readonly List<GxSnapshot> _snapshots = new();
    private bool _solarUnderDvcc;

    /// <summary>The recorded snapshots, in time order.</summary>
    public IReadOnlyList<GxSnapshot> Snapshots => _snapshots;

    /// <summary>Whether the run has a GX device.</summary>
    public bool Present { get; private set; }

    /// <summary>DVCC on the GX.</summary>
    public bool Dvcc { get; private set; }

    /// <summary>The DVCC period (ms).</summary>
    public long DvccPeriodMs { get; private set; }

    /// <summary>Whether the solar charger is under DVCC (so it has a <c>/Link/ChargeCurrent</c>).</summary>
    public bool SolarUnderDvcc => _solarUnderDvcc;

    /// <summary>The solar charger's rating (its <c>/Settings/ChargeCurrentLimit</c>, A).</summary>
    public double SolarChargeCurrentLimit { get; private set; }

    /// <summary>Whether the Multi has the ESS assistant.</summary>
    public bool EssAssistant { get; private set; }

    /// <summary>The GX's VE.Bus interface.</summary>
    public VeBusInterface Interface { get; private set; }

    public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker)
    {
        var gx = scenario.System.Gx;
        Present = gx.Present;
        Dvcc = gx.Dvcc;
        DvccPeriodMs = gx.DvccPeriodMs;
        EssAssistant = scenario.System.Multi.EssAssistant;
        Interface = gx.Interface;
        _solarUnderDvcc = scenario.System.Solar.Control == ChargerControl.Dvcc && gx.Dvcc;
        SolarChargeCurrentLimit = scenario.System.Solar.MaxCurrent;
    }

    public void Step(SystemSimulator sim, long nowMs, bool changed)
    {
        if (!Present) return;
        var gx = sim.Gx;
        var solarLink = _solarUnderDvcc ? gx.ChargerLimit(sim.Config.Solar.MaxCurrent) : double.NaN;
        if (_snapshots.Count > 0 && !gx.Changed && _snapshots[^1].SolarLinkChargeCurrent.Equals(solarLink)
            && _snapshots[^1].Powered == sim.GxPowered) return;
        _snapshots.Add(new GxSnapshot(nowMs, sim.GxPowered, gx.AllowToCharge, gx.AllowToDischarge, gx.BmsExpected, gx.Error, gx.PreAlarm,
            gx.AlarmBmsPreAlarm, gx.BmsType, gx.BmsVersion, gx.VebusMainState, gx.HubAssistantId, gx.ChargeDisabled, gx.DischargeDisabled,
            gx.MaxChargeCurrent, solarLink, _solarUnderDvcc ? gx.NetworkMode : double.NaN));
    }

    public void End(RunResult result, SystemSimulator sim)
    {
    }
}

/// <summary>Every D-Bus path a <see cref="GxDevice"/> publishes, at one moment (NaN = invalid).</summary>
internal readonly record struct GxSnapshot(long TimeMs, bool Powered, double AllowToCharge, double AllowToDischarge, double BmsExpected, double Error,
    double PreAlarm, double AlarmBmsPreAlarm, double BmsType, double BmsVersion, double VebusMainState, double HubAssistantId,
    double ChargeDisabled, double DischargeDisabled, double MaxChargeCurrent, double SolarLinkChargeCurrent, double SolarNetworkMode);
