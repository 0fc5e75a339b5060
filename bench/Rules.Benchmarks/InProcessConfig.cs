using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BmsRules.Benchmarks;

/// <summary>
/// Every benchmark runs in this one process (in-process emit toolchain), so the ratios compare code
/// under the same JIT, GC and machine state; the job is short (5 warm-up, 15 measured iterations) so a
/// full run takes a minute or two. The memory diagnoser reports allocated bytes per operation.
/// </summary>
public sealed class InProcessConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public InProcessConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
