namespace BmsRules.Simulation.VeBus;

/// <summary>
/// What the simulated Multi knows about the BMS from the BMS frames it accepted: the flags of the last frame,
/// whether frames still arrive, and whether it is in emergency mode. The flags stay those of the last frame when
/// frames stop; in emergency mode the Multi no longer obeys them (the manuals: at most 5 A charging, no inverting).
/// There is no pre-alarm: the V2 does not send it on VE.Bus (the spec's vebus section, 001 §1).
/// </summary>
public readonly record struct MultiBmsView(
    bool BmsPresent,
    bool EmergencyMode,
    bool AllowToCharge,
    bool AllowToDischarge,
    bool ChargeReduction,
    bool LowPowerMode,
    long BmsVersion)
{
    /// <summary>The view as one line of <c>Name=value</c> pairs.</summary>
    public override string ToString() =>
        $"bms={(BmsPresent ? "present" : "absent")} emergency={Bool(EmergencyMode)} AllowToCharge={Bool(AllowToCharge)} " +
        $"AllowToDischarge={Bool(AllowToDischarge)} ChargeReduction={Bool(ChargeReduction)} LowPowerMode={Bool(LowPowerMode)} " +
        $"BmsVersion={BmsVersion}";

    private static string Bool(bool value) => value ? "true" : "false";
}
