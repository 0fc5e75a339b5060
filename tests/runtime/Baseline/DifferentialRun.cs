using System.Globalization;
using System.Text;
using BmsRules.Baseline;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>
/// Steps the generated engine and <see cref="HandWrittenV2"/> side by side through random traces and
/// stops at the first step where any field differs, with a report of where and how.
/// </summary>
internal static class DifferentialRun
{
    /// <summary>Number of previous steps shown before a mismatch, for context.</summary>
    private const int ContextSteps = 4;

    /// <summary>
    /// Runs <paramref name="traces"/> random traces from <paramref name="seed"/>; returns null when the
    /// engines agree everywhere, else the mismatch report. <paramref name="baselineSettings"/> can give
    /// the baseline different settings (to prove the run notices a difference).
    /// </summary>
    public static string? FirstMismatch(int seed, int traces, int minSteps, int maxSteps, TraceCoverage? coverage = null,
        VeBusBmsV2Settings? baselineSettings = null)
    {
        var generator = new RandomV2TraceGenerator(seed);
        for (var t = 0; t < traces; t++)
        {
            var trace = generator.Next(minSteps, maxSteps);
            var mismatch = Compare(trace, coverage, baselineSettings);
            if (mismatch is not null) return $"seed {seed}, trace {t}: {mismatch}";
        }
        return null;
    }

    private static string? Compare(RandomV2Trace trace, TraceCoverage? coverage, VeBusBmsV2Settings? baselineSettings)
    {
        var engine = new VeBusBmsV2Engine(trace.Settings);
        var baseline = new HandWrittenV2(baselineSettings ?? trace.Settings);
        var steps = trace.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.NewSettings is { } changed)
            {
                engine.Configure(changed);
                baseline.Configure(baselineSettings ?? changed);
            }
            var inputs = step.Inputs;
            var generated = engine.Step(in inputs, step.NowMs);
            var handWritten = baseline.Step(in inputs, step.NowMs);
            coverage?.Record(generated);
            if (!V2ResultComparison.Same(generated, handWritten)) return Report(trace, i, generated, handWritten, engine.Settings);
        }
        return null;
    }

    private static string Report(RandomV2Trace trace, int index, VeBusBmsV2Outputs generated, HandWrittenV2Result handWritten,
        VeBusBmsV2Settings settings)
    {
        var step = trace.Steps[index];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"results differ at step {index} (t = {step.NowMs} ms)");
        text.AppendLine(CultureInfo.InvariantCulture, $"settings in force: {V2ResultComparison.Describe(settings)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"inputs: {V2ResultComparison.Describe(step.Inputs)}");
        text.AppendLine("results:");
        text.Append(V2ResultComparison.Describe(generated, handWritten));
        text.AppendLine("previous steps:");
        for (var i = System.Math.Max(0, index - ContextSteps); i < index; i++)
        {
            var previous = trace.Steps[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"  step {i} (t = {previous.NowMs} ms): {V2ResultComparison.Describe(previous.Inputs)}");
        }
        return text.ToString();
    }
}
