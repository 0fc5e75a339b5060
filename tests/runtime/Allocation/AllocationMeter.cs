using System;

namespace BmsRules.Runtime.Tests.Allocation;

/// <summary>
/// Counts the managed bytes the current thread allocates while an action runs
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, exact, and blind to other threads such as
/// parallel tests or the JIT's background compiler). The companion tests prove it reports allocations.
/// </summary>
internal static class AllocationMeter
{
    /// <summary>Bytes allocated on this thread by <paramref name="action"/>.</summary>
    public static long BytesAllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
