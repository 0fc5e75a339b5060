using BmsRules.Products;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Baseline.Workloads;

/// <summary>
/// Runs the whole control loop, <see cref="RuleController.Tick"/>, over fake hardware: every input
/// bound to a <see cref="TraceInputSource"/> on the trace, every output and LED to a recording fake,
/// a <see cref="ManualClock"/> advanced <see cref="BenchmarkTrace.StepMs"/> per tick, logging disabled
/// (<see cref="NullLogger"/>) unless a logger is given.
/// </summary>
public sealed class ControllerStepper : IStepLoop
{
    private readonly TraceCursor _cursor;
    private readonly ManualClock _clock = new();

    /// <summary>Wires a fresh engine from the product registry to fake hardware replaying <paramref name="trace"/>.</summary>
    public ControllerStepper(VeBusBmsV2Inputs[] trace, ILogger? logger = null)
    {
        var engine = ProductRegistry.Create("VeBusBmsV2");
        var d = engine.Descriptor;
        _cursor = new TraceCursor(InputRows.From(d, trace));
        var bindings = new ControllerBindings();
        for (var i = 0; i < d.Inputs.Count; i++) bindings.Input(d.Inputs[i].Name, new TraceInputSource(_cursor, i));
        foreach (var output in d.Outputs) bindings.Output(output.Name, new RecordingOutput());
        foreach (var table in d.Tables)
        {
            if (table.IsLed) bindings.Led(table.Name, new RecordingLed());
        }
        Controller = new RuleController(engine, _clock, bindings, logger ?? NullLogger.Instance);
    }

    /// <summary>The controller ticked.</summary>
    public RuleController Controller { get; }

    /// <inheritdoc/>
    public string Name => "controller RuleController.Tick";

    /// <summary>One control cycle with the next reading; returns the active codes.</summary>
    public ulong Step()
    {
        _clock.Advance(BenchmarkTrace.StepMs);
        Controller.Tick();
        _cursor.Next();
        return Controller.Engine.ActiveCodes;
    }

    /// <inheritdoc/>
    public void Run(int steps)
    {
        for (var i = 0; i < steps; i++) Step();
    }
}
