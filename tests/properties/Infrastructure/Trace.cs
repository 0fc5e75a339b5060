using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BmsRules.Properties.Infrastructure;

/// <summary>One step of an input trace: how much time passes, then the complete input vector (spec order).</summary>
public sealed class TraceStep
{
    /// <summary>Creates the step.</summary>
    public TraceStep(long dtMs, double[] inputs)
    {
        DtMs = dtMs;
        Inputs = inputs;
    }

    /// <summary>Milliseconds since the previous step.</summary>
    public long DtMs { get; }

    /// <summary>Every input's value at this step, by spec index.</summary>
    public double[] Inputs { get; }
}

/// <summary>
/// A random input trace for an engine: settings, then steps. Its text (what FsCheck prints for a
/// counterexample) lists the settings and, per step, the time and the inputs that changed.
/// </summary>
public sealed class Trace
{
    /// <summary>Creates the trace.</summary>
    public Trace(IReadOnlyList<string> inputNames, IReadOnlyList<(string Name, double Value)> settings, IReadOnlyList<TraceStep> steps)
    {
        InputNames = inputNames;
        Settings = settings;
        Steps = steps;
    }

    /// <summary>Input names, by index.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Settings applied before the first step.</summary>
    public IReadOnlyList<(string Name, double Value)> Settings { get; }

    /// <summary>The steps.</summary>
    public IReadOnlyList<TraceStep> Steps { get; }

    /// <summary>The same settings with fewer steps (for shrinking).</summary>
    public Trace WithSteps(IReadOnlyList<TraceStep> steps) => new(InputNames, Settings, steps);

    /// <summary>This trace followed by <paramref name="more"/>.</summary>
    public Trace Append(IEnumerable<TraceStep> more)
    {
        var steps = new List<TraceStep>(Steps);
        steps.AddRange(more);
        return WithSteps(steps);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Trace of ").Append(Steps.Count).Append(" steps; settings: ");
        foreach (var (name, value) in Settings) text.Append(name).Append('=').Append(Format(value)).Append(' ');
        text.Append('\n');
        double[]? previous = null;
        long time = 0;
        for (var s = 0; s < Steps.Count; s++)
        {
            var step = Steps[s];
            time += step.DtMs;
            text.Append("  #").Append(s).Append(" t=").Append(time).Append(" ms:");
            var any = false;
            for (var i = 0; i < step.Inputs.Length; i++)
            {
                if (previous is not null && Same(previous[i], step.Inputs[i])) continue;
                if (InputNames[i] == "BatteryDataSequence" && previous is not null) continue;
                text.Append(' ').Append(InputNames[i]).Append('=').Append(Format(step.Inputs[i]));
                any = true;
            }
            if (previous is not null && InputNames.Count > 0)
            {
                var seq = IndexOf("BatteryDataSequence");
                if (seq >= 0 && Same(previous[seq], step.Inputs[seq])) text.Append(" (no fresh battery data)");
            }
            if (!any) text.Append(" (no change)");
            text.Append('\n');
            previous = step.Inputs;
        }
        return text.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < InputNames.Count; i++) if (InputNames[i] == name) return i;
        return -1;
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
