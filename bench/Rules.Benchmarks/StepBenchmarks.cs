using BenchmarkDotNet.Attributes;
using BmsRules.Baseline;
using BmsRules.Baseline.Workloads;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Benchmarks;

/// <summary>
/// One V2 step, four ways, each cycling the same pre-generated realistic trace
/// (<see cref="BenchmarkTrace"/>, one reading every 100 ms): the hand-written baseline (ratio 1),
/// the generated engine's typed step, its index-based step (14 × SetInput + Step) and a whole
/// controller tick over fake hardware with logging disabled.
/// </summary>
[Config(typeof(InProcessConfig))]
public class StepBenchmarks
{
    private HandWrittenStepper _handWritten = null!;
    private TypedStepper _typed = null!;
    private IndexedStepper _indexed = null!;
    private ControllerStepper _controller = null!;

    /// <summary>Builds the trace and the four workloads (outside the measurement).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trace = BenchmarkTrace.Create();
        _handWritten = new HandWrittenStepper(trace);
        _typed = new TypedStepper(trace);
        _indexed = new IndexedStepper(trace);
        _controller = new ControllerStepper(trace);
    }

    /// <summary>The hand-written switch-based V2 (the baseline).</summary>
    [Benchmark(Baseline = true, Description = "hand-written step")]
    public HandWrittenV2Result HandWritten() => _handWritten.Step();

    /// <summary>The generated engine, typed API.</summary>
    [Benchmark(Description = "generated typed step")]
    public VeBusBmsV2Outputs GeneratedTyped() => _typed.Step();

    /// <summary>The generated engine, index-based API.</summary>
    [Benchmark(Description = "generated index-based step")]
    public ulong GeneratedIndexBased() => _indexed.Step();

    /// <summary>Read fake sensors, step, drive fake outputs and LEDs, check for changes to log.</summary>
    [Benchmark(Description = "controller tick")]
    public ulong ControllerTick() => _controller.Step();
}
