namespace BmsRules.Runtime.Hardware
{
    /// <summary>An indicator LED.</summary>
    public interface ILed
    {
        /// <summary>Lights or darkens the LED.</summary>
        void Set(bool lit);
    }
}
