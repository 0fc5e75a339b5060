using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using BmsRules.Desktop.Output;
using BmsRules.Simulation.Output;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using Spectre.Console;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms simulate [--scenario FILE] [--csv FILE [--csv-every-step]] [--json FILE] [--svg FILE] [--quiet]</c>:
/// runs a scenario (the built-in default without --scenario) in the closed-loop simulator and prints
/// the timeline. Exit 0 when every expectation holds, 1 when one fails, 2 when the scenario or an
/// output file cannot be used. <c>bms simulate --benchmark</c> measures simulation speed.
/// </summary>
internal static class SimulateCommand
{
    public const int ExitPassed = 0;
    public const int ExitFailed = 1;
    public const int ExitInvalid = 2;

    /// <summary>The options, shared with the root command (which runs the default scenario).</summary>
    internal sealed class Options
    {
        public Option<FileInfo?> Scenario { get; } = new("--scenario", "-s") { Description = "Scenario file (YAML, see docs/scenarios.md). Default: the built-in scenarios/default.yaml." };
        public Option<FileInfo?> Csv { get; } = new("--csv") { Description = "Write the run as CSV: one row per change (or per step with --csv-every-step)." };
        public Option<bool> CsvEveryStep { get; } = new("--csv-every-step") { Description = "With --csv: one row per simulation step." };
        public Option<FileInfo?> Json { get; } = new("--json") { Description = "Write the event log (changes, scenario actions, expectations) as JSON." };
        public Option<FileInfo?> Svg { get; } = new("--svg") { Description = "Plot cell voltages, SoC, temperature and outputs over time as SVG." };
        public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the verdict, not the timeline." };
        public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "No progress bar (it is shown only when stderr is a terminal)." };
        public Option<bool> Benchmark { get; } = new("--benchmark") { Description = "Measure speed: 30 days of a 4-battery bank at 100 ms steps, and how cost grows with bank size." };
        public Option<double> Days { get; } = new("--days") { Description = "With --benchmark: simulated days of the main run.", DefaultValueFactory = _ => 30 };
        public Option<double> ScalingDays { get; } = new("--scaling-days") { Description = "With --benchmark: simulated days per bank size in the scaling table.", DefaultValueFactory = _ => 3 };

        public IEnumerable<Option> All => new Option[] { Scenario, Csv, CsvEveryStep, Json, Svg, Quiet, NoProgress, Benchmark, Days, ScalingDays };
    }

    public static Command Create()
    {
        var options = new Options();
        var command = new Command("simulate", "Run a scenario in the closed-loop battery simulator and check its expectations.");
        foreach (var o in options.All) command.Options.Add(o);
        command.SetAction(result => Run(result, options));
        return command;
    }

    /// <summary>Runs with parsed options.</summary>
    public static int Run(ParseResult result, Options o)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var outputIsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var errorIsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (result.GetValue(o.Benchmark))
        {
            return SimulationBenchmark.Run(output, outputIsTerminal, result.GetValue(o.Days), result.GetValue(o.ScalingDays));
        }
        var request = new Request(
            result.GetValue(o.Scenario)?.ToString(),
            result.GetValue(o.Csv)?.ToString(),
            result.GetValue(o.CsvEveryStep),
            result.GetValue(o.Json)?.ToString(),
            result.GetValue(o.Svg)?.ToString(),
            result.GetValue(o.Quiet),
            !result.GetValue(o.NoProgress) && errorIsTerminal);
        return Run(request, output, error, outputIsTerminal);
    }

    /// <summary>What to run and where to write.</summary>
    internal sealed record Request(string? ScenarioPath, string? CsvPath = null, bool CsvEveryStep = false, string? JsonPath = null,
        string? SvgPath = null, bool Quiet = false, bool Progress = false);

    /// <summary>Runs <paramref name="request"/>, printing to <paramref name="output"/> and <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(Request request, TextWriter output, TextWriter error, bool outputIsTerminal = false)
    {
        Scenario scenario;
        try
        {
            scenario = request.ScenarioPath is null ? ScenarioLoader.LoadDefault() : ScenarioLoader.LoadFile(request.ScenarioPath);
        }
        catch (ScenarioException ex)
        {
            foreach (var d in ex.Diagnostics) error.WriteLine(d.ToString());
            error.WriteLine($"bms simulate: {ex.Diagnostics.Count} problem(s) in the scenario; nothing was run.");
            return ExitInvalid;
        }

        var observers = new List<IRunObserver>();
        CsvRunWriter? csv = null;
        PlotRecorder? plot = null;
        GxRecorder? gx = null;
        VeBusSummary? bus = null;
        try
        {
            if (request.CsvPath is not null)
            {
                csv = new CsvRunWriter(request.CsvPath, request.CsvEveryStep);
                observers.Add(csv);
            }
            if (request.SvgPath is not null)
            {
                plot = new PlotRecorder();
                observers.Add(plot);
            }
            if (request.JsonPath is not null)
            {
                gx = new GxRecorder();
                bus = new VeBusSummary();
                observers.Add(gx);
                observers.Add(bus);
            }
            var result = request.Progress
                ? RunWithProgress(scenario, observers, error)
                : ScenarioRunner.Run(scenario, observers);

            var console = ConsoleFactory.Create(output, outputIsTerminal);
            TimelineTableWriter.WriteHeader(console, result);
            if (!request.Quiet) TimelineTableWriter.WriteTimeline(console, result);
            TimelineTableWriter.WriteVerdict(console, result);

            if (request.JsonPath is not null) JsonEventLogWriter.Write(request.JsonPath, result, gx, bus);
            if (plot is not null && request.SvgPath is not null) SvgPlotWriter.Write(request.SvgPath, result, plot);
            foreach (var e in result.Failed)
            {
                error.WriteLine($"{scenario.File}:{e.Line}:{e.Column}: error: expectation '{e.Name}' failed at {TimeText.Clock(e.DecidedAtMs)}: {e.Describe()} — {e.Detail}");
            }
            return result.Passed ? ExitPassed : ExitFailed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bms simulate: cannot write an output file: {ex.Message}");
            return ExitInvalid;
        }
        finally
        {
            csv?.Dispose();
        }
    }

    private static RunResult RunWithProgress(Scenario scenario, IReadOnlyList<IRunObserver> observers, TextWriter error)
    {
        var console = ConsoleFactory.Create(error, isTerminal: true);
        RunResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(scenario.Name), maxValue: 1);
                result = ScenarioRunner.Run(scenario, observers, f => task.Value = f);
            });
        return result!;
    }
}
