namespace BmsRules.Properties.Infrastructure;

/// <summary>The VE.Bus BMS V2 spec names the properties refer to (one place, so a rename is one edit).</summary>
public static class V2
{
    public const string Product = "VeBusBmsV2";
    public const string CellMin = "CellMinVoltage";
    public const string CellMax = "CellMaxVoltage";
    public const string Temperature = "BatteryTemperature";
    public const string Sequence = "BatteryDataSequence";
    public const string BatteryVoltage = "BatteryVoltage";
    public const string RemoteLoop = "RemoteLoopClosed";
    public const string RemoteL = "RemoteLVoltage";
    public const string RemoteH = "RemoteHVoltage";
    public const string AuxIn = "AuxInVoltage";
    public const string MultiOn = "MultiOn";
    public const string Bootloader = "Bootloader";
    public const string BtvAllowCharge = "BtvAllowCharge";
    public const string BtvAllowDischarge = "BtvAllowDischarge";
    public const string BtvPreAlarm = "BtvPreAlarm";

    public const string Atd = "LoadDisconnect";
    public const string Atc = "ChargeDisconnect";
    public const string PreAlarm = "PreAlarm";
}
