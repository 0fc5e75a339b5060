namespace BmsRules.Runtime.Board
{
    /// <summary>Something that runs after every control cycle in which the engine stepped (on the loop's thread; must not block).</summary>
    public interface ICycleObserver
    {
        /// <summary>Called after the engine stepped at <paramref name="stepTimeMs"/> and the outputs were driven.</summary>
        void CycleCompleted(IRuleEngine engine, long stepTimeMs);
    }
}
