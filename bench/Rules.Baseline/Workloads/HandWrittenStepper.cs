using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Baseline.Workloads;

/// <summary>Steps <see cref="HandWrittenV2"/> through a trace, one reading every <see cref="BenchmarkTrace.StepMs"/>.</summary>
public sealed class HandWrittenStepper : IStepLoop
{
    private readonly VeBusBmsV2Inputs[] _trace;
    private int _index;
    private long _now;

    /// <summary>Creates the stepper over <paramref name="trace"/> with a fresh baseline.</summary>
    public HandWrittenStepper(VeBusBmsV2Inputs[] trace, in VeBusBmsV2Settings settings)
    {
        _trace = trace;
        Baseline = new HandWrittenV2(settings);
    }

    /// <summary>Creates the stepper with default settings.</summary>
    public HandWrittenStepper(VeBusBmsV2Inputs[] trace) : this(trace, VeBusBmsV2Settings.Default) { }

    /// <summary>The stepped baseline.</summary>
    public HandWrittenV2 Baseline { get; }

    /// <inheritdoc/>
    public string Name => "hand-written HandWrittenV2.Step";

    /// <summary>One step with the next reading.</summary>
    public HandWrittenV2Result Step()
    {
        var result = Baseline.Step(in _trace[_index], _now += BenchmarkTrace.StepMs);
        if (++_index == _trace.Length) _index = 0;
        return result;
    }

    /// <inheritdoc/>
    public void Run(int steps)
    {
        for (var i = 0; i < steps; i++) Step();
    }
}
