using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Baseline.Workloads;

/// <summary>Steps the generated engine through a trace with its typed API, <c>Step(in inputs, nowMs)</c>.</summary>
public sealed class TypedStepper : IStepLoop
{
    private readonly VeBusBmsV2Inputs[] _trace;
    private int _index;
    private long _now;

    /// <summary>Creates the stepper over <paramref name="trace"/> with a fresh engine.</summary>
    public TypedStepper(VeBusBmsV2Inputs[] trace, in VeBusBmsV2Settings settings)
    {
        _trace = trace;
        Engine = new VeBusBmsV2Engine(settings);
    }

    /// <summary>Creates the stepper with default settings.</summary>
    public TypedStepper(VeBusBmsV2Inputs[] trace) : this(trace, VeBusBmsV2Settings.Default) { }

    /// <summary>The stepped engine.</summary>
    public VeBusBmsV2Engine Engine { get; }

    /// <inheritdoc/>
    public string Name => "generated typed Step(in inputs, now)";

    /// <summary>One step with the next reading.</summary>
    public VeBusBmsV2Outputs Step()
    {
        var outputs = Engine.Step(in _trace[_index], _now += BenchmarkTrace.StepMs);
        if (++_index == _trace.Length) _index = 0;
        return outputs;
    }

    /// <inheritdoc/>
    public void Run(int steps)
    {
        for (var i = 0; i < steps; i++) Step();
    }
}
