using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>What the random traces reached: states, zones, patterns (lit and dark), table values and codes.</summary>
internal sealed class TraceCoverage
{
    public HashSet<string> Seen { get; } = new();

    public void Record(in VeBusBmsV2Outputs o)
    {
        Seen.Add($"System.{o.System}");
        Seen.Add($"Health.{o.Health}");
        Seen.Add($"Discharge.{o.Discharge}");
        Seen.Add($"ChargeTemperature.{o.ChargeTemperature}");
        Seen.Add($"StatusLed.{o.StatusLed}.{(o.StatusLedLit ? "lit" : "dark")}");
        Seen.Add($"CellAbove2V8Led.{o.CellAbove2V8Led}");
        Seen.Add($"CellAbove4VLed.{o.CellAbove4VLed}");
        Seen.Add($"GxPowSource.{o.GxPowSource}");
        Seen.Add($"SupplyCurrent.{o.SupplyCurrent}");
        Seen.Add($"Code.{o.Code}");
        for (var bit = 0; bit < 64; bit++)
        {
            if ((o.ActiveCodes & (1UL << bit)) != 0) Seen.Add($"ActiveCode.{bit}");
        }
        if (o.LoadDisconnect == Runtime.OutputLevel.High) Seen.Add("LoadDisconnect.High");
        if (o.ChargeDisconnect == Runtime.OutputLevel.High) Seen.Add("ChargeDisconnect.High");
        if (o.PreAlarm == Runtime.OutputLevel.High) Seen.Add("PreAlarm.High");
        if (o.ChargeReduction) Seen.Add("ChargeReduction");
    }
}
