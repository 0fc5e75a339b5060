namespace BmsRules.Simulation;

/// <summary>
/// The Multi (VE.Bus inverter/charger) and its settings. Everything here is a property of the Multi,
/// not of the BMS; the defaults are documented in docs/scenarios.md.
/// </summary>
public sealed class MultiParameters
{
    /// <summary>Whether a Multi is in the system at all.</summary>
    public bool Present { get; set; } = true;

    /// <summary>Front switch at the start.</summary>
    public MultiSwitch Switch { get; set; } = MultiSwitch.On;

    /// <summary>VE.Bus firmware number, seven digits (V2-17).</summary>
    public string Firmware { get; set; } = "2629492";

    /// <summary>The VE.Bus BMS assistant is installed (firmware 415–488 needs it or the ESS assistant, V2-17).</summary>
    public bool Assistant { get; set; }

    /// <summary>
    /// The ESS assistant is installed. A GX reads it as <c>/Hub4/AssistantId</c> = 5 and only then shows the BMS in its
    /// system state (<see cref="VenusOsRules.SystemStateFlags"/>). Default off: the V2 manual's systems (001 §4.1, §4.2)
    /// are an inverter/charger on a grid or generator with a BMS, no ESS (grid-parallel) set-up, and §3.3.4 names the
    /// non-ESS system the off-grid one; an ESS installation says so.
    /// </summary>
    public bool EssAssistant { get; set; }

    /// <summary>Either assistant that lets firmware 415–488 work with a VE.Bus BMS (001 §3.2.1: "VE.Bus BMS" or "ESS").</summary>
    public bool HasBmsCapableAssistant => Assistant || EssAssistant;

    /// <summary>
    /// An old-style Multi (not MultiPlus-II / Quattro-II / new-style 12/1600 and 12/2000): once the BMS
    /// has shut it down for low cell it stays off until restarted (V2-19, 001 §3.2.3).
    /// </summary>
    public bool OldStyle { get; set; }

    /// <summary>The mains detector is wired: it restarts an old-style Multi when AC returns.</summary>
    public bool MainsDetector { get; set; }

    /// <summary>Maximum charge current (A, DC side).</summary>
    public double ChargeCurrent { get; set; } = 50;

    /// <summary>Charge current when the BMS asks for reduction (V2-05) (A).</summary>
    public double ReducedChargeCurrent { get; set; } = 5;

    /// <summary>Absorption voltage of the bank (V); 0 = 3.55 V per cell.</summary>
    public double AbsorptionVoltage { get; set; }

    /// <summary>Float voltage of the bank (V); 0 = 3.375 V per cell.</summary>
    public double FloatVoltage { get; set; }

    /// <summary>Back to bulk when the bank falls below this in float (V); 0 = 3.30 V per cell.</summary>
    public double RebulkVoltage { get; set; }

    /// <summary>How long absorption lasts before float (ms).</summary>
    public long AbsorptionTimeMs { get; set; } = 3_600_000;

    /// <summary>Inverter efficiency (fraction).</summary>
    public double Efficiency { get; set; } = 0.92;

    /// <summary>Power the inverter takes with no load (W).</summary>
    public double IdlePower { get; set; } = 15;

    /// <summary>
    /// How long the Multi's VE.Bus end waits without a BMS frame before emergency mode (ms). Given to its
    /// <see cref="VeBus.MultiEndpoint"/>; the default is that endpoint's named assumption
    /// <see cref="VeBus.MultiBmsMonitor.BmsFrameTimeoutMs"/> (not public how long a Multi waits).
    /// </summary>
    public long BmsTimeoutMs { get; set; } = VeBus.MultiBmsMonitor.BmsFrameTimeoutMs;

    /// <summary>Most current in emergency mode (A) (V2-18: 5 A).</summary>
    public double EmergencyCurrent { get; set; } = 5;
}
