using BmsRules.Runtime;

namespace BmsRules.Simulation.Observables;

/// <summary>Reads observables from a running simulation as doubles; allocation-free.</summary>
public static class ObservableReader
{
    /// <summary>The current value of <paramref name="o"/>.</summary>
    public static double Read(SystemSimulator sim, Observable o)
    {
        var engine = sim.Engine;
        return o.Source switch
        {
            ObservableSource.Output => (double)sim.Output(o.Index),
            ObservableSource.Flag => sim.Flag(o.Index) ? 1 : 0,
            ObservableSource.State => sim.State(o.Index),
            ObservableSource.Zone => sim.Zone(o.Index),
            ObservableSource.Condition => engine.GetCondition(o.Index) ? 1 : 0,
            ObservableSource.Table or ObservableSource.Led => sim.TableValue(o.Index),
            ObservableSource.TableNumber => sim.TableNumber(o.Index),
            ObservableSource.LedLit => engine.IsLedLit(o.Index) ? 1 : 0,
            ObservableSource.Code => (sim.ActiveCodes & (1UL << o.Index)) != 0 ? 1 : 0,
            ObservableSource.PrimaryCode => engine.PrimaryCode,
            ObservableSource.Input => sim.InputValue(o.Index),
            ObservableSource.CellVoltage => sim.Bank.CellVoltage(o.Index, o.Index2),
            ObservableSource.CellSoc => sim.Bank.CellSoc(o.Index, o.Index2) * 100,
            _ => ReadSimulator(sim, (SimQuantity)o.Index),
        };
    }

    private static double ReadSimulator(SystemSimulator sim, SimQuantity q)
    {
        var bank = sim.Bank;
        var config = sim.Config;
        return q switch
        {
            SimQuantity.CellMin => bank.CellMin,
            SimQuantity.CellMax => bank.CellMax,
            SimQuantity.BankVoltage => bank.Voltage,
            SimQuantity.BankCurrent => bank.Current,
            SimQuantity.Soc => bank.Soc * 100,
            SimQuantity.SocMin => bank.SocMin * 100,
            SimQuantity.SocMax => bank.SocMax * 100,
            SimQuantity.Temperature => bank.Temperature,
            SimQuantity.MultiState => (int)sim.Multi.State,
            SimQuantity.MultiOn => sim.Multi.IsOn ? 1 : 0,
            SimQuantity.MultiChargeCurrent => sim.MultiChargeCurrent,
            SimQuantity.MultiDischargeCurrent => sim.MultiDischargeCurrent,
            SimQuantity.MultiVeBusError => sim.Multi.VeBusError,
            SimQuantity.MultiSwitch => (int)sim.FrontSwitch,
            SimQuantity.SolarCurrent => config.Solar.Current,
            SimQuantity.SolarEnabled => config.Solar.Enabled ? 1 : 0,
            SimQuantity.DcdcCurrent => config.Dcdc.Current,
            SimQuantity.DcdcEnabled => config.Dcdc.Enabled ? 1 : 0,
            SimQuantity.LoadsConnected => sim.LoadsConnected ? 1 : 0,
            SimQuantity.DcLoadCurrent => sim.DcLoadCurrent,
            SimQuantity.BmsSupplyCurrent => sim.BmsSupplyCurrent * 1000,
            SimQuantity.BmsPowered => sim.BmsPowered ? 1 : 0,
            SimQuantity.GxPowered => sim.GxPowered ? 1 : 0,
            SimQuantity.Mains => config.Mains ? 1 : 0,
            SimQuantity.Remote => config.Remote.On ? 1 : 0,
            SimQuantity.AuxIn => config.AuxInVoltage,
            SimQuantity.BatteryDataLost => sim.BatteryDataLost ? 1 : 0,
            SimQuantity.BtvAllowCharge => sim.Btv.AllowCharge ? 1 : 0,
            SimQuantity.BtvAllowDischarge => sim.Btv.AllowDischarge ? 1 : 0,
            SimQuantity.BtvPreAlarm => sim.Btv.PreAlarm ? 1 : 0,
            SimQuantity.MultiBmsPresent => sim.MultiView.BmsPresent ? 1 : 0,
            SimQuantity.MultiEmergency => sim.MultiView.EmergencyMode ? 1 : 0,
            SimQuantity.VeBusAllowToCharge => sim.MultiView.AllowToCharge ? 1 : 0,
            SimQuantity.VeBusAllowToDischarge => sim.MultiView.AllowToDischarge ? 1 : 0,
            SimQuantity.VeBusChargeReduction => sim.MultiView.ChargeReduction ? 1 : 0,
            SimQuantity.VeBusLowPowerMode => sim.MultiView.LowPowerMode ? 1 : 0,
            SimQuantity.VeBusBmsVersion => sim.MultiView.BmsVersion,
            >= SimQuantity.VeBusSyncs and <= SimQuantity.VeBusLastFrameAge => ReadBus(sim, q),
            SimQuantity.GxSolarChargeCurrent => SolarUnderDvcc(sim) ? sim.Gx.ChargerLimit(config.Solar.MaxCurrent) : double.NaN,
            SimQuantity.GxSolarNetworkMode => SolarUnderDvcc(sim) ? sim.Gx.NetworkMode : double.NaN,
            >= SimQuantity.GxAllowToCharge and <= SimQuantity.GxHubAssistantId => ReadGx(sim.Gx, q),
            _ => double.NaN,
        };
    }

    private static double ReadBus(SystemSimulator sim, SimQuantity q)
    {
        if (sim.Bus is not { } bus) return q is SimQuantity.VeBusFrameInterval or SimQuantity.VeBusLastFrameAge ? double.NaN : 0;
        var monitor = bus.Multi.Monitor;
        return q switch
        {
            SimQuantity.VeBusSyncs => bus.Syncs,
            SimQuantity.VeBusFramesSent => bus.FramesSent,
            SimQuantity.VeBusFramesReceived => bus.FramesReceived,
            SimQuantity.VeBusFramesIgnored => bus.Multi.FramesIgnored,
            SimQuantity.VeBusRejections => bus.Multi.Rejections,
            SimQuantity.VeBusFrameInterval => monitor.LastIntervalMs >= 0 ? monitor.LastIntervalMs / 1000.0 : double.NaN,
            _ => monitor.LastHeardMs >= 0 ? (sim.NowMs - monitor.LastHeardMs) / 1000.0 : double.NaN,
        };
    }

    private static double ReadGx(GxDevice gx, SimQuantity q) => q switch
    {
        SimQuantity.GxAllowToCharge => gx.AllowToCharge,
        SimQuantity.GxAllowToDischarge => gx.AllowToDischarge,
        SimQuantity.GxBmsExpected => gx.BmsExpected,
        SimQuantity.GxError => gx.Error,
        SimQuantity.GxPreAlarm => gx.PreAlarm,
        SimQuantity.GxBmsType => gx.BmsType,
        SimQuantity.GxBmsVersion => gx.BmsVersion,
        SimQuantity.GxChargeDisabled => gx.ChargeDisabled,
        SimQuantity.GxDischargeDisabled => gx.DischargeDisabled,
        SimQuantity.GxVebusMainState => gx.VebusMainState,
        SimQuantity.GxAlarmBmsPreAlarm => gx.AlarmBmsPreAlarm,
        SimQuantity.GxHubAssistantId => gx.HubAssistantId,
        _ => gx.MaxChargeCurrent,
    };

    /// <summary>Whether the solar charger is under the GX's DVCC (only then does it have a <c>/Link</c>).</summary>
    private static bool SolarUnderDvcc(SystemSimulator sim) => sim.Config.Solar.Control == ChargerControl.Dvcc && sim.Config.Gx.Present && sim.Config.Gx.Dvcc;
}
