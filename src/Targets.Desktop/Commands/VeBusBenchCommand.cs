using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Products;
using BmsRules.Runtime;

namespace BmsRules.Desktop.Commands;

/// <summary><c>bms vebus bench [--iterations N]</c>: the VE.Bus timing figures on this machine (docs/vebus.md, "Timing").</summary>
internal static class VeBusBenchCommand
{
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations", "-i") { Description = "Samples per latency figure.", DefaultValueFactory = _ => 100_000 };
        var product = ProductOption.Create();
        var command = new Command("bench", "Measure VE.Bus encode/decode throughput and the sync → BMS frame latency on this machine.") { iterations, product };
        command.SetAction(result => Run(result.GetValue(iterations), result.GetValue(product)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(int iterations, string productId, TextWriter output, TextWriter error)
    {
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        if (descriptor.VeBus is null || iterations < 10)
        {
            error.WriteLine(descriptor.VeBus is null ? $"bms vebus bench: {descriptor.DisplayName} has no VE.Bus frame." : "bms vebus bench: --iterations must be at least 10.");
            return 2;
        }
        var engine = ProductRegistry.Create(productId);
        var script = InputScript.Parse(descriptor, Array.Empty<string>(), null);
        var sequence = -1;
        for (var i = 0; i < descriptor.Inputs.Count; i++)
        {
            if (!double.IsNaN(script.Start[i])) engine.SetInput(i, script.Start[i]);
            if (descriptor.Inputs[i].Kind == BmsRules.Runtime.Introspection.InputKind.Sequence) sequence = i;
        }
        void Step(IRuleEngine e, long now)
        {
            if (sequence >= 0) e.SetInput(sequence, now / 20 + 1);
            e.Step(now);
        }
        for (var t = 0L; t <= 2_000; t += 20) Step(engine, t);

        output.WriteLine($"VE.Bus bench on {Environment.ProcessorCount} CPU(s), .NET {Environment.Version}:");
        Print(output, VeBusBench.EncodeBmsFrames(engine, iterations * 10));
        Print(output, VeBusBench.DecodeStream(Math.Max(10, iterations / 100)));
        Print(output, VeBusBench.EngineStep(engine, iterations / 10, Step));
        Print(output, VeBusBench.SyncToHandoff(engine, iterations));
        return 0;
    }

    private static void Print(TextWriter output, Throughput t) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {t.What}: {t.FramesPerSecond / 1e6:0.00} M frames/s, {t.MegabytesPerSecond:0.0} MB/s ({t.TimesLineRate:0} × the 256000-baud line rate)"));

    private static void Print(TextWriter output, Latency l) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {l.What}: median {l.Median:0.0} µs, p99 {l.P99:0.0} µs, p99.9 {l.P999:0.0} µs, max {l.Max:0.0} µs over {l.Samples} (first, cold: {l.First:0} µs)"));
}
