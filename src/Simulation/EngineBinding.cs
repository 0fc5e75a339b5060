using System.Collections.Generic;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Simulation;

/// <summary>
/// The engine's inputs, outputs, flags and tables the simulator uses, looked up once by their spec
/// names; a name the product lacks is −1 and the simulator then leaves that part out (e.g. no ATD
/// output: loads always run). Works for every product that uses these names.
/// </summary>
public sealed class EngineBinding
{
    /// <summary>Binds to <paramref name="engine"/>.</summary>
    public EngineBinding(IRuleEngine engine)
    {
        var d = engine.Descriptor;
        CellMinVoltage = Find(d.Inputs, "CellMinVoltage");
        CellMaxVoltage = Find(d.Inputs, "CellMaxVoltage");
        BatteryTemperature = Find(d.Inputs, "BatteryTemperature");
        BatteryDataSequence = Find(d.Inputs, "BatteryDataSequence");
        BatteryVoltage = Find(d.Inputs, "BatteryVoltage");
        RemoteLoopClosed = Find(d.Inputs, "RemoteLoopClosed");
        RemoteLVoltage = Find(d.Inputs, "RemoteLVoltage");
        RemoteHVoltage = Find(d.Inputs, "RemoteHVoltage");
        AuxInVoltage = Find(d.Inputs, "AuxInVoltage");
        MultiOn = Find(d.Inputs, "MultiOn");
        Bootloader = Find(d.Inputs, "Bootloader");
        BtvAllowCharge = Find(d.Inputs, "BtvAllowCharge");
        BtvAllowDischarge = Find(d.Inputs, "BtvAllowDischarge");
        BtvPreAlarm = Find(d.Inputs, "BtvPreAlarm");
        LoadDisconnect = Find(d.Outputs, "LoadDisconnect");
        ChargeDisconnect = Find(d.Outputs, "ChargeDisconnect");
        PreAlarm = Find(d.Outputs, "PreAlarm");
        AllowToCharge = Find(d.Flags, "AllowToCharge");
        AllowToDischarge = Find(d.Flags, "AllowToDischarge");
        ChargeReduction = Find(d.Flags, "ChargeReduction");
        HoldMultiLowPower = Find(d.Flags, "HoldMultiLowPower");
        SendBmsFrames = Find(d.Flags, "SendBmsFrames");
        SupplyCurrent = Find(d.Tables, "SupplyCurrent");
        GxPowSource = Find(d.Tables, "GxPowSource");
        if (GxPowSource >= 0)
        {
            var values = d.Tables[GxPowSource].Values;
            GxPowNone = IndexOf(values, "None");
            GxPowBattery = IndexOf(values, "Battery");
        }
        else
        {
            GxPowNone = -1;
            GxPowBattery = -1;
        }
    }

#pragma warning disable CS1591 // One index per spec name; the names say what they are.
    public int CellMinVoltage { get; }
    public int CellMaxVoltage { get; }
    public int BatteryTemperature { get; }
    public int BatteryDataSequence { get; }
    public int BatteryVoltage { get; }
    public int RemoteLoopClosed { get; }
    public int RemoteLVoltage { get; }
    public int RemoteHVoltage { get; }
    public int AuxInVoltage { get; }
    public int MultiOn { get; }
    public int Bootloader { get; }
    public int BtvAllowCharge { get; }
    public int BtvAllowDischarge { get; }
    public int BtvPreAlarm { get; }
    public int LoadDisconnect { get; }
    public int ChargeDisconnect { get; }
    public int PreAlarm { get; }
    public int AllowToCharge { get; }
    public int AllowToDischarge { get; }
    public int ChargeReduction { get; }
    public int HoldMultiLowPower { get; }
    public int SendBmsFrames { get; }
    public int SupplyCurrent { get; }
    public int GxPowSource { get; }
    public int GxPowNone { get; }
    public int GxPowBattery { get; }
#pragma warning restore CS1591

    private static int Find<T>(IReadOnlyList<T> items, string name) where T : SpecEntry
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Name == name) return i;
        }
        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == name) return i;
        }
        return -1;
    }
}
