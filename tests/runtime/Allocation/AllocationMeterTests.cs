using BmsRules.Baseline.Workloads;
using BmsRules.Products;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using Xunit;

namespace BmsRules.Runtime.Tests.Allocation;

/// <summary>
/// The zero-allocation tests are only as good as their meter: the same measurement, around the same
/// workloads plus one deliberate allocation, must report it.
/// </summary>
[Collection(RandomStepsCollection.Name)]
public sealed class AllocationMeterTests
{
    /// <summary>Where deliberate allocations escape to, so the JIT cannot remove them (no stack allocation).</summary>
    private static object? s_sink;

    private readonly RandomStepsFixture _steps;

    public AllocationMeterTests(RandomStepsFixture steps) => _steps = steps;

    [Fact]
    public void Meter_reports_the_bytes_of_an_allocating_lambda()
    {
        var bytes = AllocationMeter.BytesAllocatedBy(() => s_sink = new byte[100]);

        Assert.True(bytes >= 100, $"measured {bytes} B for a 100-byte array");
    }

    [Fact]
    public void Meter_reports_a_single_boxed_result_after_a_million_typed_steps()
    {
        var stepper = new TypedStepper(_steps.Inputs);
        stepper.Run(RandomStepsFixture.WarmUpSteps);

        var bytes = AllocationMeter.BytesAllocatedBy(() =>
        {
            stepper.Run(RandomStepsFixture.Steps);
            s_sink = stepper.Step(); // boxes the outputs struct once
        });

        Assert.True(bytes > 0, "one boxed outputs struct went unnoticed");
    }

    [Fact]
    public void Meter_reports_an_allocation_made_deep_inside_a_controller_tick()
    {
        var engine = ProductRegistry.Create("VeBusBmsV2");
        var bindings = new ControllerBindings().Input("MultiOn", new AllocatingSource());
        var controller = new RuleController(engine, new ManualClock(), bindings);
        controller.Tick();

        var bytes = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var i = 0; i < 1000; i++) controller.Tick();
        });

        Assert.True(bytes >= 1000 * 24, $"measured {bytes} B for 1000 ticks that each allocate an object");
    }

    /// <summary>A sensor that allocates on every read (what the controller must never do itself).</summary>
    private sealed class AllocatingSource : IInputSource
    {
        public double Read()
        {
            s_sink = new object();
            return 1;
        }
    }
}
