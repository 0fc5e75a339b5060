namespace BmsRules.Simulation;

/// <summary>
/// The batteries' BTV module (Balancing, Temperature and Voltage control, 001 §1): turns the cell
/// readings into three discrete signals for a BMS that is set to use them. Physics of the battery,
/// not a BMS rule; thresholds in <see cref="BtvParameters"/>.
/// </summary>
public sealed class BtvModule
{
    private readonly BtvParameters _p;

    /// <summary>Creates the module with everything allowed.</summary>
    public BtvModule(BtvParameters parameters) => _p = parameters;

    /// <summary>"Allowed to charge".</summary>
    public bool AllowCharge { get; private set; } = true;

    /// <summary>"Allowed to discharge".</summary>
    public bool AllowDischarge { get; private set; } = true;

    /// <summary>Pre-alarm.</summary>
    public bool PreAlarm { get; private set; }

    private bool _highCell;
    private bool _badTemperature;

    /// <summary>Updates the signals from one reading.</summary>
    public void Update(double cellMin, double cellMax, double temperature)
    {
        var h = _p.VoltageHysteresis;
        AllowDischarge = AllowDischarge ? cellMin > _p.LowCell : cellMin >= _p.LowCell + h;
        PreAlarm = PreAlarm ? cellMin < _p.PreAlarm + h : cellMin <= _p.PreAlarm;
        _highCell = _highCell ? cellMax > _p.HighCell - h : cellMax >= _p.HighCell;
        var t = _p.TemperatureHysteresis;
        _badTemperature = _badTemperature
            ? temperature < _p.LowTemperature + t || temperature > _p.HighTemperature - t
            : temperature < _p.LowTemperature || temperature > _p.HighTemperature;
        AllowCharge = !_highCell && !_badTemperature;
    }
}
