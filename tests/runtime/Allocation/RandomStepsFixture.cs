using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Tests.Baseline;

namespace BmsRules.Runtime.Tests.Allocation;

/// <summary>
/// One million random V2 readings (the differential test's adversarial random walks: thresholds,
/// garbage values, stale sequences, boot loader, remote toggling), generated once, before anything is measured.
/// </summary>
public sealed class RandomStepsFixture
{
    public const int Steps = 1_000_000;

    /// <summary>Steps run before measuring: static data initialised, every path of the step compiled.</summary>
    public const int WarmUpSteps = 20_000;

    public RandomStepsFixture()
    {
        var generator = new RandomV2TraceGenerator(seed: 1_000_003);
        var inputs = new List<VeBusBmsV2Inputs>(Steps);
        while (inputs.Count < Steps)
        {
            foreach (var step in generator.Next(500, 2000).Steps)
            {
                if (inputs.Count == Steps) break;
                inputs.Add(step.Inputs);
            }
        }
        Inputs = inputs.ToArray();
    }

    internal VeBusBmsV2Inputs[] Inputs { get; }
}
