namespace BmsRules.Runtime.Hardware
{
    /// <summary>A digital input (a contact, a BTV signal, a flag).</summary>
    public interface IDigitalInput
    {
        /// <summary>The current state.</summary>
        bool Read();
    }
}
