namespace BmsRules.Runtime.Hardware
{
    /// <summary>A monotonic millisecond clock. Wall-clock time must not be used: it can jump.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never decreases.</summary>
        long NowMilliseconds { get; }
    }
}
