namespace BmsRules.Simulation;

/// <summary>What switches a DC charger on and off.</summary>
public enum ChargerControl : byte
{
    /// <summary>Remote on/off wired to the BMS's Charge disconnect (ATC) output (001 §3.3.5).</summary>
    Atc,

    /// <summary>A GX device with DVCC sets max charge current 0 when the BMS disallows charging (001 §3.3.4).</summary>
    Dvcc,

    /// <summary>Not controlled by the BMS (a wiring mistake the simulator lets you show).</summary>
    None,
}
