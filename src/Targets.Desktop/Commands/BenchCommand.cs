using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using BmsRules.Baseline.Workloads;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms bench [--steps N]</c>: a quick in-process measurement of one V2 step. Steps the generated
/// engine (typed and index-based API), the hand-written baseline and a whole controller tick through
/// the same pre-generated realistic trace; prints ns and allocated bytes per step. The first line is
/// <c>step: &lt;x&gt; ns/op, &lt;y&gt; B/op, &lt;r&gt;x hand-written baseline</c> for the typed step.
/// For publishable figures use BenchmarkDotNet (bench/Rules.Benchmarks).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Steps per measured round by default.</summary>
    public const int DefaultSteps = 2_000_000;

    /// <summary>
    /// Default steps per round when the engine is an unoptimised (Debug) build, about ten times slower:
    /// keeps the default run short; such figures only show the allocation result anyway.
    /// </summary>
    public const int DebugBuildSteps = 200_000;

    /// <summary>Measured rounds per workload; the median round is reported (odd, so it is one real round).</summary>
    public const int Rounds = 5;

    /// <summary>Minimum warm-up per workload: long enough for tiered compilation to reach optimised code.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(300);

    /// <summary>Steps per warm-up chunk.</summary>
    private const int WarmUpChunk = 10_000;

    private const string HelpText =
        "Measure how fast one VE.Bus BMS V2 step is and prove it allocates nothing. " +
        "Steps four workloads through the same pre-generated realistic trace (a reading every 100 ms: " +
        "discharge into a low-cell disconnect, recharge past 4 V, hot and cold spells, lost data, remote off/on): " +
        "the generated engine's typed Step(in inputs, now), its index-based SetInput/Step, the hand-written " +
        "switch-based baseline (bench/Rules.Baseline) and a whole controller tick over fake hardware with logging off. " +
        "Each workload is warmed up, then run for 5 rounds of --steps steps; the median round gives ns/op and " +
        "GC.GetAllocatedBytesForCurrentThread over all rounds gives B/op. The first line reports the typed step and " +
        "its ratio to the hand-written baseline. Build with -c Release for representative figures (a Debug build is " +
        "several times slower and defaults to fewer steps).";

    public static Command Create()
    {
        var steps = new Option<int?>("--steps", "-n")
        {
            Description = $"Steps per measured round, a positive whole number (default {DefaultSteps.ToString("N0", CultureInfo.InvariantCulture)}; " +
                          $"{DebugBuildSteps.ToString("N0", CultureInfo.InvariantCulture)} when the engine is an unoptimised Debug build).",
            CustomParser = ParseSteps,
        };
        var command = new Command("bench", HelpText) { steps };
        command.SetAction(result => Run(result.GetValue(steps) ?? DefaultStepsForThisBuild, result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Measures and prints; returns the exit code.</summary>
    public static int Run(int steps, TextWriter output)
    {
        if (steps <= 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Steps per round must be positive.");

        var trace = BenchmarkTrace.Create();
        var measured = Measure(steps,
            new TypedStepper(trace), new IndexedStepper(trace), new HandWrittenStepper(trace), new ControllerStepper(trace));
        var (typed, handWritten) = (measured[0], measured[2]);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step: {typed.NsPerStep:0.0} ns/op, {typed.BytesPerStep} B/op, {typed.NsPerStep / handWritten.NsPerStep:0.00}x hand-written baseline"));
        output.WriteLine();
        output.WriteLine($"  {"workload",-40} {"ns/op",8} {"B/op",8} {"ratio",8}");
        foreach (var m in measured)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Name,-40} {m.NsPerStep,8:0.0} {m.BytesPerStep,8} {m.NsPerStep / handWritten.NsPerStep,7:0.00}x"));
        }
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median of {Rounds} rounds of {steps:N0} steps per workload, rounds interleaved across workloads, after >= {WarmUp.TotalMilliseconds:0} ms warm-up each; trace of {trace.Length:N0} readings, {BenchmarkTrace.StepMs} ms apart."));
        if (IsDebugBuild(typeof(VeBusBmsV2Engine).Assembly))
        {
            output.WriteLine("  note: the engine was built without optimisations (Debug); build with -c Release for representative figures.");
        }
        return 0;
    }

    /// <summary>
    /// Warms every workload up, then runs the rounds round-robin (round 1 of each, round 2 of each, …)
    /// so a slow phase of the machine hits all workloads alike instead of skewing one of them.
    /// </summary>
    private static Measurement[] Measure(int steps, params IStepLoop[] loops)
    {
        foreach (var loop in loops)
        {
            // Warm-up: static data initialised, tiered compilation given time to optimise the hot path.
            var warmUp = Stopwatch.StartNew();
            do loop.Run(WarmUpChunk);
            while (warmUp.Elapsed < WarmUp);
        }

        var nanoseconds = new double[loops.Length, Rounds];
        var bytes = new long[loops.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < loops.Length; i++)
            {
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                loops[i].Run(steps);
                var end = Stopwatch.GetTimestamp();
                bytes[i] += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                nanoseconds[i, round] = (end - start) * (1e9 / Stopwatch.Frequency) / steps;
            }
        }

        var results = new Measurement[loops.Length];
        var sorted = new double[Rounds];
        for (var i = 0; i < loops.Length; i++)
        {
            for (var round = 0; round < Rounds; round++) sorted[round] = nanoseconds[i, round];
            Array.Sort(sorted);
            results[i] = new Measurement(loops[i].Name, sorted[Rounds / 2], FormatBytesPerStep(bytes[i], (long)steps * Rounds));
        }
        return results;
    }

    /// <summary>Bytes per step; a non-zero total never prints as 0, however many steps it is spread over.</summary>
    private static string FormatBytesPerStep(long bytes, long steps)
    {
        if (bytes == 0) return "0";
        var perStep = (double)bytes / steps;
        return perStep >= 0.001 ? perStep.ToString("0.###", CultureInfo.InvariantCulture) : "<0.001";
    }

    private static int DefaultStepsForThisBuild => IsDebugBuild(typeof(VeBusBmsV2Engine).Assembly) ? DebugBuildSteps : DefaultSteps;

    /// <summary>The --steps value: a positive whole number, else a parse error (exit code 1, message on stderr).</summary>
    private static int? ParseSteps(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        result.AddError($"--steps must be a positive whole number of steps per round, not '{text}'.");
        return null;
    }

    private static bool IsDebugBuild(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    private sealed record Measurement(string Name, double NsPerStep, string BytesPerStep);
}
