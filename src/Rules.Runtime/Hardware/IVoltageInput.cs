namespace BmsRules.Runtime.Hardware
{
    /// <summary>A voltage measurement at a pin (before any divider scaling).</summary>
    public interface IVoltageInput
    {
        /// <summary>The measured voltage in volts, or NaN when the measurement failed.</summary>
        double ReadVolts();
    }
}
