namespace BmsRules.Desktop.Simulation;

/// <summary>
/// What the BMS tells the Multi over VE.Bus, as the Multi sees it. This is the whole interface
/// between BMS and Multi: a VE.Bus frame link can sit between the two and carry exactly these.
/// </summary>
/// <param name="FramesReceived">A BMS frame arrived in this step (false when the BMS is silent or disconnected).</param>
/// <param name="AllowToCharge">The BMS allows charging.</param>
/// <param name="AllowToDischarge">The BMS allows discharging (inverting).</param>
/// <param name="ChargeReduction">The BMS asks for reduced-current charging instead of none.</param>
/// <param name="HoldLowPower">The BMS holds the Multi in low-power mode (remote off).</param>
public readonly record struct VeBusBmsFlags(bool FramesReceived, bool AllowToCharge, bool AllowToDischarge, bool ChargeReduction, bool HoldLowPower);
