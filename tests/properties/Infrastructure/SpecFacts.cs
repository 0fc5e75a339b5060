using System;
using System.Linq;
using BmsRules.Generator;
using BmsRules.Generator.Model;
using BmsRules.Testing;

namespace BmsRules.Properties.Infrastructure;

/// <summary>
/// Values the properties take from the real spec (never from a mutant): hysteresis bands and
/// timers that are assumptions rather than documented requirements. Documented requirements
/// (4.00 V, 5 °C, 30 s, 3.5 V, 2.9 V) are written in the properties themselves, with their source.
/// </summary>
public static class SpecFacts
{
    private static readonly Lazy<EngineModel> Model = new(() =>
    {
        var compilation = SpecCompiler.Compile("rules.yaml", SpecFiles.ReadRules(), SpecFiles.Companions());
        if (compilation.Failed) throw new InvalidOperationException("spec/rules.yaml does not compile: " + string.Join("; ", compilation.Diagnostics));
        return compilation.Engines.Single(e => e.ProductId == V2.Product);
    });

    /// <summary>A threshold's trip and release levels (constant levels only).</summary>
    public static (double Trip, double Release) Threshold(string name)
    {
        var t = Model.Value.Thresholds.Single(x => x.Name == name);
        if (t.Trip.Setting >= 0 || t.Release.Setting >= 0) throw new InvalidOperationException($"{name} depends on a setting.");
        return (t.Trip.Constant + t.Trip.Offset, t.Release.Constant + t.Release.Offset);
    }

    /// <summary>A band's boundaries and hysteresis.</summary>
    public static (double[] Boundaries, double Hysteresis) Band(string name)
    {
        var b = Model.Value.Bands.Single(x => x.Name == name);
        return (b.Boundaries.ToArray(), b.Hysteresis);
    }

    /// <summary>A timer's duration in milliseconds.</summary>
    public static long Timer(string name) => Model.Value.Timers.Single(t => t.Name == name).Milliseconds;
}
