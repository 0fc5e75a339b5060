using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using System.Text.RegularExpressions;
using BmsRules.Desktop.Output;
using BmsRules.Simulation.Output;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;
using Spectre.Console;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms simulate --benchmark</c>: runs the built-in month scenario (scenarios/month-4-batteries.yaml:
/// daily sun, loads, evening generator) on a 4-battery bank for 30 days at 100 ms steps, then the same
/// daily cycle on banks from 1 to 20 batteries, and prints wall time, cost per step, allocation and
/// the faster-than-real-time ratio.
/// </summary>
internal static class SimulationBenchmark
{
    /// <summary>The resource name of the month scenario.</summary>
    public const string MonthResource = "BmsRules.Desktop.Scenarios.month-4-batteries.yaml";

    /// <summary>Bank sizes of the scaling table: (batteries in series, strings, battery voltage).</summary>
    public static readonly (int Series, int Parallel, double Voltage)[] Sizes =
    {
        (1, 1, 12.8), (4, 1, 12.8), (2, 2, 25.6), (4, 2, 12.8), (2, 4, 25.6), (4, 3, 12.8), (2, 6, 25.6), (4, 4, 12.8), (2, 8, 25.6), (4, 5, 12.8), (2, 10, 25.6),
    };

    public static int Run(TextWriter output, bool isTerminal, double days, double scalingDays)
    {
        if (!(days > 0) || !(scalingDays > 0))
        {
            output.WriteLine("bms simulate --benchmark: --days and --scaling-days must be positive.");
            return SimulateCommand.ExitInvalid;
        }
        var console = ConsoleFactory.Create(output, isTerminal);
        console.MarkupLine("[bold]Simulator benchmark[/] [grey](month scenario: daily sun, AC and DC loads, evening generator; 100 ms steps; expectations off for resized banks)[/]");
        console.MarkupLine(Markup.Escape(F($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(IsOptimized() ? "optimised build" : "DEBUG build (unoptimised)")}.")));
        RunOnce(4, 1, 12.8, 1.0 / 24); // warm-up: JIT and tiered compilation

        var main = RunOnce(4, 1, 12.8, days);
        console.WriteLine();
        console.MarkupLine(Markup.Escape(F($"Main run: 4 × 12.8 V (48 V, 16 cells), {days:0.##} days = {main.Result.Steps:N0} steps in {main.Result.WallTime.TotalSeconds:0.00} s wall ({main.Cpu.TotalSeconds:0.00} s CPU): {main.Result.SpeedUp:N0}× real time, {main.NsPerStep:0} ns/step, {main.BytesPerStep:0.###} bytes allocated/step.")));
        var bus = main.Bus;
        console.MarkupLine(Markup.Escape(F($"VE.Bus in the loop: {bus.Syncs:N0} sync frames ({bus.SyncsOnWire:N0} answered, so on the simulated wire), {bus.FramesSent:N0} BMS frames sent, {bus.FramesReceived:N0} accepted by the Multi, {bus.FramesIgnored} ignored, {bus.Rejections} rejected; sync → frame {bus.MaxSyncToFrameMs} ms at most on the simulated clock.")));
        console.MarkupLine(main.Result.WallTime.TotalSeconds <= 10 * days / 30
            ? "[green]Within the budget of 10 s for 30 days.[/]"
            : "[red]Over the budget of 10 s for 30 days.[/]");

        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "Bank", "Batteries", "Cells", "Simulated", "Wall time", "CPU time", "ns/step", "× real time", "30 days take", "Alloc/step" })
        {
            table.AddColumn(new TableColumn(h).RightAligned());
        }
        foreach (var (series, parallel, voltage) in Sizes)
        {
            var m = RunOnce(series, parallel, voltage, scalingDays);
            var thirtyDays = m.Result.WallTime.TotalSeconds * 30 / scalingDays;
            table.AddRow(
                F($"{series}S{parallel}P × {voltage:0.0} V"), F($"{series * parallel}"), F($"{m.Result.CellCount}"), F($"{scalingDays:0.##} d"),
                F($"{m.Result.WallTime.TotalSeconds:0.00} s"), F($"{m.Cpu.TotalSeconds:0.00} s"), F($"{m.NsPerStep:0}"), F($"{m.Result.SpeedUp:N0}"), F($"{thirtyDays:0.0} s"), F($"{m.BytesPerStep:0.###} B"));
        }
        console.WriteLine();
        console.MarkupLine(Markup.Escape(F($"Scaling with bank size ({scalingDays:0.##} simulated days each):")));
        console.Write(table);
        return 0;
    }

    private sealed record Measurement(RunResult Result, double NsPerStep, double BytesPerStep, TimeSpan Cpu, VeBusSummary Bus);

    private static Measurement RunOnce(int series, int parallel, double voltage, double days)
    {
        var text = MonthText();
        text = Regex.Replace(text, "(?m)^duration:.*$", F($"duration: {days * 24:0.####} h"));
        var scenario = ScenarioLoader.LoadText(text, "month-4-batteries.yaml (benchmark)");
        var bank = scenario.System.Bank;
        bank.Series = series;
        bank.Parallel = parallel;
        bank.Battery = bank.Battery with { NominalVoltage = voltage, CapacityAh = voltage > 20 ? 200 : bank.Battery.CapacityAh };
        // The month's imbalanced cell must exist in every size.
        var imbalance = bank.Imbalance.ToArray();
        bank.Imbalance.Clear();
        foreach (var cell in imbalance) bank.Imbalance.Add(cell with { Battery = 1 });
        var problems = BankRules.Check(bank);
        if (problems.Count > 0) throw new InvalidOperationException(problems[0].Message);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bus = new VeBusSummary();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ScenarioRunner.Run(scenario, new IRunObserver[] { bus });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new Measurement(result, result.WallTime.TotalMilliseconds * 1e6 / result.Steps, (double)allocated / result.Steps, cpu, bus);
    }

    /// <summary>The month scenario's text (embedded from scenarios/month-4-batteries.yaml).</summary>
    public static string MonthText()
    {
        using var stream = typeof(SimulationBenchmark).Assembly.GetManifestResourceStream(MonthResource)
            ?? throw new InvalidOperationException($"The built-in scenario {MonthResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool IsOptimized()
    {
        var attribute = (System.Diagnostics.DebuggableAttribute?)Attribute.GetCustomAttribute(typeof(SystemSimulator).Assembly, typeof(System.Diagnostics.DebuggableAttribute));
        return attribute is null || !attribute.IsJITOptimizerDisabled;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
