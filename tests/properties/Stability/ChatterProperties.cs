using System;
using System.Collections.Generic;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.Stability;

/// <summary>
/// No chatter: an input that crosses a threshold once, with noise smaller than the threshold's
/// hysteresis band, toggles the protecting output at most once.
/// </summary>
public sealed class ChatterProperties
{
    private readonly ITestOutputHelper _output;

    public ChatterProperties(ITestOutputHelper output) => _output = output;

    /// <summary>One noisy ramp across a threshold, and which output it may toggle.</summary>
    public sealed record Crossing(string Input, string Output, double From, double To, double Noise, double[] NoiseSamples, Trace Trace)
    {
        public override string ToString() =>
            $"{Input} ramps {From} → {To} with noise ±{Noise:0.###} (band from the spec); watching {Output}\n{Trace}";
    }

    private static Gen<Crossing> Crossings()
    {
        var ov = SpecFacts.Threshold("CellOvervoltage");
        var uv = SpecFacts.Threshold("CellUndervoltage");
        var band = SpecFacts.Band("ChargeTemperature");
        var cases = new (string Input, string Output, double From, double To, double Band)[]
        {
            (V2.CellMax, V2.Atc, 3.35, ov.Trip + 0.3, ov.Trip - ov.Release),
            (V2.CellMax, V2.Atc, ov.Trip + 0.3, 3.35, ov.Trip - ov.Release),
            (V2.CellMin, V2.Atd, 3.35, uv.Trip - 0.3, uv.Release - uv.Trip),
            (V2.Temperature, V2.Atc, 20, band.Boundaries[0] - 10, band.Hysteresis),
            (V2.Temperature, V2.Atc, 20, band.Boundaries[^1] + 10, band.Hysteresis),
        };
        return from c in Gen.Elements(cases)
               from steps in Gen.Choose(40, 240)
               from fraction in Gen.Choose(0, 95)
               from samples in Gen.ArrayOf(Gen.Choose(-1000, 1000), steps)
               select Build(c.Input, c.Output, c.From, c.To, c.Band / 2 * fraction / 100.0, steps, samples);
    }

    private static Crossing Build(string input, string output, double from, double to, double noise, int count, int[] samples)
    {
        var index = TraceGenerators.Index(input);
        var seq = TraceGenerators.Index(V2.Sequence);
        var steps = new List<TraceStep>();
        var healthy = TraceGenerators.Healthy();
        // Keep min cell ≤ max cell whatever the noise (otherwise the data is inconsistent and the BMS faults).
        if (input == V2.CellMax) healthy[TraceGenerators.Index(V2.CellMin)] = 3.15;
        if (input == V2.CellMin) healthy[TraceGenerators.Index(V2.CellMax)] = 3.60;
        // Settle at the start value first, so the BMS is on and the only change is the ramp.
        for (var i = 0; i < 20; i++)
        {
            var v = (double[])healthy.Clone();
            v[index] = from;
            v[seq] = steps.Count + 1;
            steps.Add(new TraceStep(100, v));
        }
        var noiseSamples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var v = (double[])healthy.Clone();
            noiseSamples[i] = noise * samples[i] / 1000.0;
            v[index] = Math.Round(from + (to - from) * i / (count - 1) + noiseSamples[i], 5);
            v[seq] = steps.Count + 1;
            steps.Add(new TraceStep(1_000, v));
        }
        var names = new List<string>();
        foreach (var d in Products.VeBusBmsV2.VeBusBmsV2Engine.Info.Inputs) names.Add(d.Name);
        var trace = new Trace(names, Array.Empty<(string, double)>(), steps);
        return new Crossing(input, output, from, to, noise, noiseSamples, trace);
    }

    public static Property OneCrossingTogglesTheOutputAtMostOnce(Func<IRuleEngine> engine) =>
        Prop.ForAll(Arb.From(Crossings()), crossing =>
        {
            var run = TraceRun.Run(engine(), crossing.Trace);
            if (run.Error is not null) return Prop.Label(false, "the engine threw " + run.Error);
            var toggles = 0;
            OutputLevel? last = null;
            foreach (var o in run.Observations)
            {
                if (o.Step < 20) continue;
                var level = run.Output(o, crossing.Output);
                if (last is not null && level != last) toggles++;
                last = level;
            }
            return Prop.Label(toggles <= 1, $"{crossing.Output} toggled {toggles} times for one crossing of {crossing.Input}");
        });

    [Fact]
    [Trait("Covers", "V2-13")]
    public void Noise_smaller_than_the_hysteresis_band_toggles_an_output_at_most_once_per_crossing() =>
        PropertyRunner.Check("no chatter", OneCrossingTogglesTheOutputAtMostOnce(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_an_overvoltage_band_narrowed_to_10_millivolts()
    {
        var mutant = Mutants.FromSpec("release: \"<= 3.60 V\"", "release: \"<= 3.99 V\"");
        PropertyRunner.ExpectCounterexample("no chatter", OneCrossingTogglesTheOutputAtMostOnce(mutant), _output, "toggled", maxTest: 400);
    }
}
