using BmsRules.Products;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime;

namespace BmsRules.Baseline.Workloads;

/// <summary>
/// Steps the generated engine through its index-based <see cref="IRuleEngine"/> API, as product-neutral
/// code (the controller, the simulator) does: every input with <c>SetInput(i, value)</c>, then <c>Step(now)</c>.
/// </summary>
public sealed class IndexedStepper : IStepLoop
{
    private readonly double[] _rows;
    private readonly int _width;
    private readonly int _count;
    private int _row;
    private long _now;

    /// <summary>Creates the stepper over <paramref name="trace"/> with a fresh engine from the product registry.</summary>
    public IndexedStepper(VeBusBmsV2Inputs[] trace)
    {
        Engine = ProductRegistry.Create("VeBusBmsV2");
        var rows = InputRows.From(Engine.Descriptor, trace);
        _rows = rows.Values;
        _width = rows.Width;
        _count = rows.Count;
    }

    /// <summary>The stepped engine.</summary>
    public IRuleEngine Engine { get; }

    /// <inheritdoc/>
    public string Name => "generated index-based SetInput/Step";

    /// <summary>One step with the next reading; returns the active codes.</summary>
    public ulong Step()
    {
        var offset = _row * _width;
        for (var c = 0; c < _width; c++) Engine.SetInput(c, _rows[offset + c]);
        Engine.Step(_now += BenchmarkTrace.StepMs);
        if (++_row == _count) _row = 0;
        return Engine.ActiveCodes;
    }

    /// <inheritdoc/>
    public void Run(int steps)
    {
        for (var i = 0; i < steps; i++) Step();
    }
}
