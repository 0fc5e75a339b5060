using System;

namespace BmsRules.Simulation;

/// <summary>Whether a Multi's VE.Bus firmware works with a VE.Bus BMS V2.</summary>
public enum FirmwareCompatibility : byte
{
    /// <summary>Version xxxx489 or later.</summary>
    Compatible,

    /// <summary>xxxx415–xxxx488 with the VE.Bus BMS or ESS assistant installed.</summary>
    CompatibleWithAssistant,

    /// <summary>xxxx415–xxxx488 without the assistant.</summary>
    NeedsAssistant,

    /// <summary>Below xxxx415: the BMS raises VE.Bus error 15 (combination error).</summary>
    CombinationError,

    /// <summary>Processor labelled 19xxxxx or 20xxxxx: cannot be used with the V2.</summary>
    UnsupportedProcessor,
}

/// <summary>
/// The V2's VE.Bus firmware requirements (catalogue V2-17; 001 §3.2.1, FAQ Q5). A firmware number is
/// seven digits: two for the processor, two for the model, three for the version (e.g. 2629489).
/// </summary>
public static class VeBusFirmware
{
    /// <summary>The oldest version that works without an assistant.</summary>
    public const int CurrentVersion = 489;

    /// <summary>The oldest version that works at all (with the assistant).</summary>
    public const int OldestVersion = 415;

    /// <summary>The VE.Bus error the BMS raises for too-old firmware.</summary>
    public const int CombinationErrorNumber = 15;

    /// <summary>Whether <paramref name="firmware"/> is seven digits.</summary>
    public static bool IsWellFormed(string firmware)
    {
        if (firmware.Length != 7) return false;
        foreach (var c in firmware)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /// <summary>Checks a well-formed firmware number; <paramref name="assistant"/>: the VE.Bus BMS or ESS assistant is installed.</summary>
    public static FirmwareCompatibility Check(string firmware, bool assistant)
    {
        if (!IsWellFormed(firmware)) throw new ArgumentException($"A VE.Bus firmware number is seven digits, not '{firmware}'.", nameof(firmware));
        var processor = (firmware[0] - '0') * 10 + (firmware[1] - '0');
        if (processor is 19 or 20) return FirmwareCompatibility.UnsupportedProcessor;
        var version = int.Parse(firmware.AsSpan(4), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (version >= CurrentVersion) return FirmwareCompatibility.Compatible;
        if (version >= OldestVersion) return assistant ? FirmwareCompatibility.CompatibleWithAssistant : FirmwareCompatibility.NeedsAssistant;
        return FirmwareCompatibility.CombinationError;
    }
}
