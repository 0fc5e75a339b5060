namespace BmsRules.Runtime.Hardware
{
    /// <summary>
    /// Supplies one engine input each control cycle, in the input's unit. Returns NaN when no value
    /// can be read (the engine then treats the input as invalid and lands on the safe side).
    /// Bool inputs: 1 for true, 0 for false. Sequence inputs: the counter value.
    /// </summary>
    public interface IInputSource
    {
        /// <summary>The current value.</summary>
        double Read();
    }
}
