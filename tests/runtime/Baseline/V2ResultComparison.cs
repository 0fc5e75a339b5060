using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using BmsRules.Baseline;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>Field-by-field comparison of a generated step result and a hand-written one, and readable reports.</summary>
internal static class V2ResultComparison
{
    /// <summary>Whether every field agrees (SupplyCurrent bit for bit).</summary>
    public static bool Same(in VeBusBmsV2Outputs g, in HandWrittenV2Result h) =>
        g.System == h.System
        && g.Health == h.Health
        && g.Discharge == h.Discharge
        && g.ChargeTemperature == h.ChargeTemperature
        && g.LoadDisconnect == h.LoadDisconnect
        && g.ChargeDisconnect == h.ChargeDisconnect
        && g.PreAlarm == h.PreAlarm
        && g.AllowToCharge == h.AllowToCharge
        && g.AllowToDischarge == h.AllowToDischarge
        && g.ChargeReduction == h.ChargeReduction
        && g.HoldMultiLowPower == h.HoldMultiLowPower
        && g.BmsLowPower == h.BmsLowPower
        && g.SendBmsFrames == h.SendBmsFrames
        && g.PreAlarmActive == h.PreAlarmActive
        && g.GxPowSource == h.GxPowSource
        && g.SupplyCurrent.Equals(h.SupplyCurrent)
        && g.StatusLed == h.StatusLed
        && g.StatusLedLit == h.StatusLedLit
        && g.CellAbove2V8Led == h.CellAbove2V8Led
        && g.CellAbove2V8LedLit == h.CellAbove2V8LedLit
        && g.CellAbove4VLed == h.CellAbove4VLed
        && g.CellAbove4VLedLit == h.CellAbove4VLedLit
        && g.ActiveCodes == h.ActiveCodes
        && g.Code == h.Code
        && g.InvalidInputs == h.InvalidInputs;

    /// <summary>Both results side by side, every field, differences marked.</summary>
    public static string Describe(VeBusBmsV2Outputs g, HandWrittenV2Result h)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"field",-20} {"generated",-24} hand-written");
        foreach (var property in typeof(VeBusBmsV2Outputs).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var generated = Show(property.GetValue(g));
            var other = typeof(HandWrittenV2Result).GetProperty(property.Name);
            var handWritten = other is null ? "(missing)" : Show(other.GetValue(h));
            var mark = generated == handWritten ? "" : "   <-- differs";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {property.Name,-20} {generated,-24} {handWritten}{mark}");
        }
        return text.ToString();
    }

    /// <summary>Every input, numbers round-trippable (so a value one ulp off a threshold shows as such).</summary>
    public static string Describe(in VeBusBmsV2Inputs x) => string.Create(CultureInfo.InvariantCulture,
        $"CellMin={x.CellMinVoltage:R} CellMax={x.CellMaxVoltage:R} Temp={x.BatteryTemperature:R} Seq={x.BatteryDataSequence} " +
        $"Vbat={x.BatteryVoltage:R} Loop={x.RemoteLoopClosed} L={x.RemoteLVoltage:R} H={x.RemoteHVoltage:R} Aux={x.AuxInVoltage:R} " +
        $"MultiOn={x.MultiOn} Bootloader={x.Bootloader} BtvCharge={x.BtvAllowCharge} BtvDischarge={x.BtvAllowDischarge} BtvPreAlarm={x.BtvPreAlarm}");

    public static string Describe(in VeBusBmsV2Settings s) => string.Create(CultureInfo.InvariantCulture,
        $"PreAlarmLevel={s.PreAlarmLevel:R} UseBtvSignals={s.UseBtvSignals} ReduceChargeOnHighCell={s.ReduceChargeOnHighCell}");

    /// <summary>The names of the fields a result has (public instance properties).</summary>
    public static string[] FieldNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    private static string Show(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        ulong u => "0x" + u.ToString("X4", CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "",
    };
}
