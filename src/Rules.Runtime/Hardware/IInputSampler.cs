namespace BmsRules.Runtime.Hardware
{
    /// <summary>
    /// Hardware that samples several inputs in one operation (an ADC scan, a snapshot of data another
    /// thread received). The control loop calls <see cref="Sample"/> once at the start of every cycle,
    /// before the controller reads the inputs, so every input of a cycle comes from the same sample.
    /// </summary>
    public interface IInputSampler
    {
        /// <summary>Takes the sample. Must not throw: a failed sample makes its inputs read NaN.</summary>
        void Sample();
    }
}
