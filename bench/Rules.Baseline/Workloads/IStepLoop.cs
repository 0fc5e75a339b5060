namespace BmsRules.Baseline.Workloads;

/// <summary>
/// One measured workload: steps some engine through a pre-generated trace, cycling it. The loop
/// lives inside <see cref="Run"/> so a measurement pays one interface call per round, not per step.
/// </summary>
public interface IStepLoop
{
    /// <summary>What is stepped, for reports.</summary>
    string Name { get; }

    /// <summary>Runs <paramref name="steps"/> steps, continuing through the trace and the clock.</summary>
    void Run(int steps);
}
