namespace BmsRules.Desktop.Simulation.Observables;

/// <summary>The simulator's own quantities (the index of a <see cref="ObservableSource.Simulator"/> observable).</summary>
public enum SimQuantity : byte
{
#pragma warning disable CS1591 // Listed with their names and units in ObservableCatalog and docs/scenarios.md.
    CellMin,
    CellMax,
    BankVoltage,
    BankCurrent,
    Soc,
    SocMin,
    SocMax,
    Temperature,
    MultiState,
    MultiOn,
    MultiChargeCurrent,
    MultiDischargeCurrent,
    MultiVeBusError,
    MultiSwitch,
    SolarCurrent,
    SolarEnabled,
    DcdcCurrent,
    DcdcEnabled,
    LoadsConnected,
    DcLoadCurrent,
    BmsSupplyCurrent,
    BmsPowered,
    GxPowered,
    Mains,
    Remote,
    AuxIn,
    BatteryDataLost,
    BtvAllowCharge,
    BtvAllowDischarge,
    BtvPreAlarm,
#pragma warning restore CS1591
}
