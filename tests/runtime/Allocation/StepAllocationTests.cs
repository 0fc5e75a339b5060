using BmsRules.Baseline.Workloads;
using Xunit;

namespace BmsRules.Runtime.Tests.Allocation;

/// <summary>
/// After warm-up, a million random steps through each way of running the generated engine allocate
/// nothing on the managed heap: a board running it for years never collects garbage because of it.
/// </summary>
[Collection(RandomStepsCollection.Name)]
public sealed class StepAllocationTests
{
    private readonly RandomStepsFixture _steps;

    public StepAllocationTests(RandomStepsFixture steps) => _steps = steps;

    [Fact]
    public void Typed_step_allocates_nothing_over_a_million_random_steps()
    {
        var stepper = new TypedStepper(_steps.Inputs);
        stepper.Run(RandomStepsFixture.WarmUpSteps);

        var bytes = AllocationMeter.BytesAllocatedBy(() => stepper.Run(RandomStepsFixture.Steps));

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Index_based_set_input_and_step_allocate_nothing_over_a_million_random_steps()
    {
        var stepper = new IndexedStepper(_steps.Inputs);
        stepper.Run(RandomStepsFixture.WarmUpSteps);

        var bytes = AllocationMeter.BytesAllocatedBy(() => stepper.Run(RandomStepsFixture.Steps));

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Controller_tick_with_logging_disabled_allocates_nothing_over_a_million_random_steps()
    {
        var stepper = new ControllerStepper(_steps.Inputs);
        stepper.Run(RandomStepsFixture.WarmUpSteps);

        var bytes = AllocationMeter.BytesAllocatedBy(() => stepper.Run(RandomStepsFixture.Steps));

        Assert.Equal(0, bytes);
        Assert.Equal(RandomStepsFixture.WarmUpSteps + RandomStepsFixture.Steps, stepper.Controller.Ticks);
    }
}
