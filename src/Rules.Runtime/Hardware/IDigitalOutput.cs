namespace BmsRules.Runtime.Hardware
{
    /// <summary>
    /// A BMS output terminal with high/floating semantics (ATD, ATC, pre-alarm). An implementation
    /// must leave the terminal open-circuit for <see cref="OutputLevel.Floating"/>, and must come up
    /// floating at power-up and on reset: floating is the safe state.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the terminal high or leaves it floating.</summary>
        void Set(OutputLevel level);
    }
}
