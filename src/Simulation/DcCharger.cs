namespace BmsRules.Simulation;

/// <summary>
/// A solar charger or DC-DC (alternator) charger: a constant-current / constant-voltage source whose
/// current is what its input offers (sun power, alternator current), limited by its rating, and which
/// holds the bank at its absorption voltage. It is switched by the BMS through <see cref="Control"/>.
/// </summary>
public sealed class DcCharger
{
    /// <summary>Creates a charger.</summary>
    public DcCharger(string name) => Name = name;

    /// <summary>"solar" or "dcdc".</summary>
    public string Name { get; }

    /// <summary>How the BMS switches it.</summary>
    public ChargerControl Control { get; set; } = ChargerControl.Atc;

    /// <summary>What its input offers: watts of sun or amps from the alternator.</summary>
    public Demand Available { get; set; }

    /// <summary>Rated output current (A).</summary>
    public double MaxCurrent { get; set; } = 50;

    /// <summary>Absorption (constant-voltage) setting for the whole bank (V); 0 = 3.55 V per cell.</summary>
    public double AbsorptionVoltage { get; set; }

    /// <summary>Conversion efficiency for power inputs (fraction).</summary>
    public double Efficiency { get; set; } = 0.97;

    /// <summary>Whether the BMS lets it run (set each step).</summary>
    public bool Enabled { get; set; }

    /// <summary>The current it delivered in the last step (A).</summary>
    public double Current { get; set; }

    /// <summary>The most it could deliver now at <paramref name="bankVoltage"/>, when enabled.</summary>
    public double Limit(double bankVoltage)
    {
        if (!Enabled) return 0;
        var offered = Available.IsPower ? Available.Amps(bankVoltage) * Efficiency : Available.Value;
        return offered < 0 ? 0 : offered > MaxCurrent ? MaxCurrent : offered;
    }
}
