using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Introspection;
using FsCheck;
using FsCheck.Fluent;

namespace BmsRules.Properties.Infrastructure;

/// <summary>
/// Generators of VE.Bus BMS V2 input traces. Values cluster around every documented boundary
/// (2.8/3.1/3.2 V, 3.6/4.0 V, 5/7/48/50 °C, remote L 3.5 V, remote H 2.9 V and V_bat, 9/70 V) and
/// include invalid readings (NaN, ±∞, out of range) and stale battery data, so the properties
/// are exercised where rules change their answer.
/// </summary>
public static class TraceGenerators
{
    private static readonly EngineDescriptor D = VeBusBmsV2Engine.Info;
    private static readonly string[] Names = D.Inputs.Select(i => i.Name).ToArray();

    /// <summary>What kinds of disturbance a trace may contain.</summary>
    public sealed class Options
    {
        /// <summary>Include NaN, ±∞ and out-of-range readings.</summary>
        public bool InvalidValues { get; init; } = true;

        /// <summary>Include periods without fresh battery data.</summary>
        public bool StaleData { get; init; } = true;

        /// <summary>Include remote off, boot loader and Multi off.</summary>
        public bool RemoteAndModes { get; init; } = true;

        /// <summary>Sometimes run in BTV-signal mode.</summary>
        public bool BtvMode { get; init; }

        /// <summary>Sometimes move the pre-alarm level within its limits.</summary>
        public bool RandomPreAlarmLevel { get; init; } = true;

        /// <summary>Steps per trace.</summary>
        public int MinSteps { get; init; } = 20;

        /// <summary>Steps per trace.</summary>
        public int MaxSteps { get; init; } = 300;
    }

    /// <summary>The healthy, switched-on input vector.</summary>
    public static double[] Healthy()
    {
        var values = new double[Names.Length];
        Set(values, V2.CellMin, 3.30);
        Set(values, V2.CellMax, 3.35);
        Set(values, V2.Temperature, 20);
        Set(values, V2.Sequence, 1);
        Set(values, V2.BatteryVoltage, 13.2);
        Set(values, V2.RemoteLoop, 1);
        Set(values, V2.RemoteL, 13.2);
        Set(values, V2.RemoteH, 0);
        Set(values, V2.AuxIn, 0);
        Set(values, V2.MultiOn, 1);
        Set(values, V2.Bootloader, 0);
        Set(values, V2.BtvAllowCharge, 1);
        Set(values, V2.BtvAllowDischarge, 1);
        Set(values, V2.BtvPreAlarm, 0);
        return values;
    }

    /// <summary>Index of an input.</summary>
    public static int Index(string name) => D.Input(name);

    private static void Set(double[] values, string name, double value) => values[Index(name)] = value;

    /// <summary>Random traces with the given disturbances, shrinking by dropping steps.</summary>
    public static Arbitrary<Trace> Traces(Options? options = null)
    {
        options ??= new Options();
        return Arb.From(TraceGen(options), Shrink);
    }

    /// <summary>Removes chunks of steps (halves, quarters, single steps), keeping the settings.</summary>
    public static IEnumerable<Trace> Shrink(Trace trace)
    {
        var steps = trace.Steps;
        for (var chunk = steps.Count / 2; chunk >= 1; chunk /= 2)
        {
            for (var start = 0; start + chunk <= steps.Count; start += chunk)
            {
                var kept = steps.Take(start).Concat(steps.Skip(start + chunk)).ToList();
                if (kept.Count > 0) yield return trace.WithSteps(kept);
            }
        }
    }

    private static Gen<Trace> TraceGen(Options options) =>
        from settings in SettingsGen(options)
        from count in Gen.Choose(options.MinSteps, options.MaxSteps)
        from changes in Gen.ArrayOf(StepGen(options), count)
        select Build(settings, changes);

    private static Gen<(string, double)[]> SettingsGen(Options options)
    {
        var level = options.RandomPreAlarmLevel
            ? Gen.Frequency((3, Gen.Constant(3.10)), (2, Uniform(2.85, 3.15)))
            : Gen.Constant(3.10);
        var btv = options.BtvMode ? Gen.Frequency((3, Gen.Constant(0.0)), (2, Gen.Constant(1.0))) : Gen.Constant(0.0);
        var reduce = Gen.Elements(0.0, 1.0);
        return from l in level
               from b in btv
               from r in reduce
               select new[] { ("PreAlarmLevel", l), ("UseBtvSignals", b), ("ReduceChargeOnHighCell", r) };
    }

    /// <summary>A step: elapsed time, changed inputs, and whether fresh battery data arrived.</summary>
    private sealed record StepChange(long DtMs, (int Input, double Value)[] Changes, bool Fresh);

    private static Gen<StepChange> StepGen(Options options)
    {
        var dt = Gen.Frequency(
            (2, Gen.Constant(10L)), (10, Gen.Constant(100L)), (3, Gen.Constant(500L)),
            (3, Gen.Constant(1_000L)), (2, Gen.Constant(5_000L)), (1, Gen.Constant(31_000L)));
        var change = ChangeGen(options);
        var changes = Gen.Frequency(
            (4, Gen.Constant(Array.Empty<(int, double)>())),
            (5, change.Select(c => new[] { c })),
            (2, Gen.ArrayOf(change, 2)));
        var fresh = options.StaleData ? Gen.Frequency((19, Gen.Constant(true)), (1, Gen.Constant(false))) : Gen.Constant(true);
        return from d in dt
               from c in changes
               from f in fresh
               select new StepChange(d, c, f);
    }

    private static Gen<(int, double)> ChangeGen(Options options)
    {
        var gens = new List<(int, Gen<(int, double)>)>
        {
            (6, Value(V2.CellMin, Gen.Frequency((3, Near(2.80, 0.06)), (3, Near(3.10, 0.08)), (2, Near(3.20, 0.05)), (3, Uniform(2.5, 3.5))), options)),
            (6, Value(V2.CellMax, Gen.Frequency((4, Near(4.00, 0.05)), (3, Near(3.60, 0.05)), (3, Uniform(3.2, 4.3))), options)),
            (5, Value(V2.Temperature, Gen.Frequency((3, Near(5, 1.2)), (2, Near(7, 1)), (2, Near(48, 1)), (3, Near(50, 1.2)), (2, Uniform(-30, 70))), options)),
            (2, Value(V2.BatteryVoltage, Gen.Frequency((6, Uniform(10, 58)), (1, Near(9, 0.5)), (1, Near(70, 0.5))), options)),
        };
        if (options.RemoteAndModes)
        {
            gens.Add((2, Bool(V2.RemoteLoop, 5)));
            gens.Add((2, Value(V2.RemoteL, Gen.Frequency((3, Near(3.5, 0.3)), (2, Uniform(0, 1)), (2, Uniform(9, 58))), options)));
            gens.Add((2, Value(V2.RemoteH, Gen.Frequency((3, Near(2.9, 0.3)), (2, Uniform(0, 2)), (3, Uniform(9, 60))), options)));
            gens.Add((1, Bool(V2.MultiOn, 4)));
            gens.Add((1, Bool(V2.Bootloader, 1, falseWeight: 6)));
        }
        gens.Add((1, Value(V2.AuxIn, Gen.Frequency((2, Gen.Constant(0.0)), (2, Uniform(8, 30))), options)));
        if (options.BtvMode)
        {
            gens.Add((2, Bool(V2.BtvAllowCharge, 3)));
            gens.Add((2, Bool(V2.BtvAllowDischarge, 3)));
            gens.Add((2, Bool(V2.BtvPreAlarm, 1)));
        }
        return Gen.Frequency(gens.ToArray());
    }

    private static Gen<(int, double)> Value(string input, Gen<double> valid, Options options)
    {
        var index = Index(input);
        var values = options.InvalidValues
            ? Gen.Frequency((12, valid), (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -500.0, 1e6)))
            : valid;
        return values.Select(v => (index, Math.Round(v, 4)));
    }

    private static Gen<(int, double)> Bool(string input, int trueWeight, int falseWeight = 1)
    {
        var index = Index(input);
        return Gen.Frequency((trueWeight, Gen.Constant(1.0)), (falseWeight, Gen.Constant(0.0))).Select(v => (index, v));
    }

    /// <summary>A value within <paramref name="spread"/> of <paramref name="center"/>.</summary>
    public static Gen<double> Near(double center, double spread) => Gen.Choose(-1000, 1000).Select(i => center + spread * i / 1000.0);

    /// <summary>A value in [lo, hi].</summary>
    public static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 10_000).Select(i => lo + (hi - lo) * i / 10_000.0);

    private static Trace Build((string, double)[] settings, StepChange[] changes)
    {
        var steps = new List<TraceStep>(changes.Length);
        var current = Healthy();
        var sequence = 1.0;
        var seq = Index(V2.Sequence);
        foreach (var change in changes)
        {
            var next = (double[])current.Clone();
            foreach (var (input, value) in change.Changes) next[input] = value;
            if (change.Fresh) sequence = sequence >= uint.MaxValue ? 1 : sequence + 1;
            next[seq] = sequence;
            steps.Add(new TraceStep(change.DtMs, next));
            current = next;
        }
        return new Trace(Names, settings, steps);
    }

    /// <summary>Steps that hold <paramref name="inputs"/> (with fresh data) for <paramref name="durationMs"/>.</summary>
    public static IEnumerable<TraceStep> Hold(Trace before, double[] inputs, long durationMs, long dtMs = 100)
    {
        var seq = Index(V2.Sequence);
        var sequence = before.Steps.Count > 0 ? before.Steps[^1].Inputs[seq] : 1;
        for (long t = 0; t < durationMs; t += dtMs)
        {
            var values = (double[])inputs.Clone();
            sequence = sequence >= uint.MaxValue ? 1 : sequence + 1;
            values[seq] = sequence;
            yield return new TraceStep(dtMs, values);
        }
    }
}
