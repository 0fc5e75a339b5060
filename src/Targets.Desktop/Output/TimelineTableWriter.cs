using System.Globalization;
using System.Linq;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Scenarios.Running;
using Spectre.Console;

namespace BmsRules.Desktop.Output;

/// <summary>The readable timeline: a header, one row per change / scenario action / failed expectation, and the verdict.</summary>
internal static class TimelineTableWriter
{
    /// <summary>Writes the header (scenario, bank, system).</summary>
    public static void WriteHeader(IAnsiConsole console, RunResult result)
    {
        var s = result.Scenario;
        var bank = s.System.Bank;
        console.Write(new Rule($"[bold]{Markup.Escape(s.Name)}[/]").LeftJustified());
        if (s.Description is { } d) console.MarkupLine(Markup.Escape(d.Trim()));
        var battery = bank.Battery.Describe();
        var system = Simulation.BankRules.SystemVoltageOf(bank.Series * bank.Battery.NominalVoltage);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{s.Product.DisplayName} · bank {bank.Series} × {bank.Parallel} {battery} ({system:0} V system, {bank.Series * bank.Parallel * bank.Battery.CapacityAh:0} Ah, {result.CellCount} cells) · {TimeText.Span(s.DurationMs)} in {TimeText.Span(s.StepMs)} steps")));
        if (s.Covers.Count > 0) console.MarkupLine("[grey]Covers " + Markup.Escape(string.Join(", ", s.Covers)) + "[/]");
        var start = result.Initial
            .Where(i => i.Observable.Name.StartsWith("state.", System.StringComparison.Ordinal) || i.Observable.Name.StartsWith("output.", System.StringComparison.Ordinal) || i.Observable.Name == "multi.state")
            .Select(i => $"{i.Observable.Label} {i.Value}");
        console.MarkupLine("[grey]After the first step: " + Markup.Escape(string.Join(" · ", start)) + ". The table lists every change from there.[/]");
        console.WriteLine();
    }

    /// <summary>Writes the timeline table.</summary>
    public static void WriteTimeline(IAnsiConsole console, RunResult result)
    {
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(new TableColumn("[bold]Time[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]What[/]"));
        table.AddColumn(new TableColumn("[bold]Change[/]"));
        table.AddColumn(new TableColumn("[bold]BMS reads cell min / max[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]SoC[/]").RightAligned().NoWrap());
        long lastTime = -1;
        foreach (var e in result.Events)
        {
            var time = e.TimeMs == lastTime ? "" : TimeText.Clock(e.TimeMs);
            var cells = e.TimeMs == lastTime ? "" : string.Create(CultureInfo.InvariantCulture, $"{e.CellMin:0.000} / {e.CellMax:0.000} V");
            var soc = e.TimeMs == lastTime ? "" : string.Create(CultureInfo.InvariantCulture, $"{e.Soc:0.0} %");
            lastTime = e.TimeMs;
            switch (e.Kind)
            {
                case SimEventKind.Scenario:
                    table.AddRow(new Markup(time), new Markup("[cyan]▶ scenario[/]"), new Markup("[cyan]" + Markup.Escape(e.To) + "[/]"), new Markup(cells), new Markup(soc));
                    break;
                case SimEventKind.Expectation:
                    table.AddRow(new Markup(time), new Markup("[red bold]✗ " + Markup.Escape(e.Name) + "[/]"), new Markup("[red]" + Markup.Escape(e.To) + "[/]"), new Markup(cells), new Markup(soc));
                    break;
                default:
                    var what = Markup.Escape(e.Label);
                    var change = $"{Markup.Escape(e.From ?? "")} → [bold]{Markup.Escape(e.To)}[/]";
                    table.AddRow(new Markup(time), new Markup(what), new Markup(change), new Markup(cells), new Markup(soc));
                    break;
            }
        }
        console.Write(table);
    }

    /// <summary>Writes the expectations and the verdict.</summary>
    public static void WriteVerdict(IAnsiConsole console, RunResult result)
    {
        var s = result.Scenario;
        if (s.Expectations.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Expectations[/]");
            foreach (var e in s.Expectations)
            {
                var ok = e.Outcome == ExpectationOutcome.Passed;
                var mark = ok ? "[green]✓[/]" : "[red]✗[/]";
                var where = $"{s.File}:{e.Line}";
                console.MarkupLine($" {mark} {Markup.Escape(e.Name)} [grey]({Markup.Escape(where)})[/]");
                console.MarkupLine($"   [grey]{Markup.Escape(e.Describe())}[/]");
                if (!ok) console.MarkupLine($"   [red]failed at {TimeText.Clock(e.DecidedAtMs)}: {Markup.Escape(e.Detail)}[/]");
            }
        }
        console.WriteLine();
        var failed = result.Failed.Count();
        var speed = string.Create(CultureInfo.InvariantCulture,
            $"Simulated {TimeText.Span(result.SimulatedMs)} ({result.Steps:N0} steps) in {result.WallTime.TotalSeconds:0.00} s, {result.SpeedUp:N0}× real time.");
        console.MarkupLine("[grey]" + Markup.Escape(speed) + "[/]");
        if (s.Expectations.Count == 0) console.MarkupLine("[yellow]No expectations in this scenario.[/]");
        else if (failed == 0) console.MarkupLine($"[green bold]All {s.Expectations.Count} expectations hold.[/]");
        else console.MarkupLine($"[red bold]{failed} of {s.Expectations.Count} expectations failed.[/]");
    }
}
