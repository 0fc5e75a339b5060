using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime;

namespace BmsRules.Baseline;

/// <summary>
/// The result of one <see cref="HandWrittenV2"/> step: the same fields, with the same names and types,
/// as the generated <see cref="VeBusBmsV2Outputs"/>, so the differential test can compare them one by one.
/// The enum types are the generated ones because they are only the spec's vocabulary (names of states,
/// zones, patterns and codes); which value each field takes is decided here by hand.
/// </summary>
public struct HandWrittenV2Result
{
    /// <summary>State of machine System.</summary>
    public SystemState System { get; internal set; }

    /// <summary>State of machine Health.</summary>
    public HealthState Health { get; internal set; }

    /// <summary>State of machine Discharge.</summary>
    public DischargeState Discharge { get; internal set; }

    /// <summary>Zone of band ChargeTemperature.</summary>
    public ChargeTemperatureZone ChargeTemperature { get; internal set; }

    /// <summary>Load disconnect (ATD) terminal.</summary>
    public OutputLevel LoadDisconnect { get; internal set; }

    /// <summary>Charge disconnect (ATC) terminal.</summary>
    public OutputLevel ChargeDisconnect { get; internal set; }

    /// <summary>Pre-alarm terminal.</summary>
    public OutputLevel PreAlarm { get; internal set; }

    /// <summary>VE.Bus / GX 'allow to charge'.</summary>
    public bool AllowToCharge { get; internal set; }

    /// <summary>VE.Bus / GX 'allow to discharge'.</summary>
    public bool AllowToDischarge { get; internal set; }

    /// <summary>Ask the Multi to charge with reduced current.</summary>
    public bool ChargeReduction { get; internal set; }

    /// <summary>Hold the Multi in low-power mode.</summary>
    public bool HoldMultiLowPower { get; internal set; }

    /// <summary>The BMS's own low-power mode.</summary>
    public bool BmsLowPower { get; internal set; }

    /// <summary>BMS info frames are sent on VE.Bus.</summary>
    public bool SendBmsFrames { get; internal set; }

    /// <summary>The pre-alarm output is high.</summary>
    public bool PreAlarmActive { get; internal set; }

    /// <summary>Where the GX-Pow output takes its power from.</summary>
    public GxPowSource GxPowSource { get; internal set; }

    /// <summary>The BMS's own current draw (mA).</summary>
    public double SupplyCurrent { get; internal set; }

    /// <summary>Pattern of the Status LED.</summary>
    public StatusLedPattern StatusLed { get; internal set; }

    /// <summary>Whether the Status LED is lit at this step's time.</summary>
    public bool StatusLedLit { get; internal set; }

    /// <summary>Pattern of the 'Cell &gt; 2.8V' LED.</summary>
    public CellAbove2V8LedPattern CellAbove2V8Led { get; internal set; }

    /// <summary>Whether the 'Cell &gt; 2.8V' LED is lit.</summary>
    public bool CellAbove2V8LedLit { get; internal set; }

    /// <summary>Pattern of the 'Temp or Cell &gt; 4V' LED.</summary>
    public CellAbove4VLedPattern CellAbove4VLed { get; internal set; }

    /// <summary>Whether the 'Temp or Cell &gt; 4V' LED is lit.</summary>
    public bool CellAbove4VLedLit { get; internal set; }

    /// <summary>Active codes, bit i = code i in spec order (E01 … I02).</summary>
    public ulong ActiveCodes { get; internal set; }

    /// <summary>The most severe active code.</summary>
    public VeBusBmsV2Code Code { get; internal set; }

    /// <summary>Inputs found invalid in this step, bit i = input i in spec order.</summary>
    public ulong InvalidInputs { get; internal set; }
}
