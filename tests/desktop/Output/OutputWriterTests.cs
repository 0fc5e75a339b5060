using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using BmsRules.Desktop.Commands;

namespace BmsRules.Desktop.Tests.Output;

public class OutputWriterTests
{
    private static (ScenarioHarness.Outcome Outcome, string Dir) RunDefaultWithFiles(bool everyStep = false)
    {
        var dir = Directory.CreateTempSubdirectory("bms-out-").FullName;
        var request = new SimulateCommand.Request(null, Path.Combine(dir, "run.csv"), everyStep, Path.Combine(dir, "run.json"), Path.Combine(dir, "run.svg"), Quiet: true);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SimulateCommand.Run(request, output, error);
        return (new ScenarioHarness.Outcome(code, output.ToString(), error.ToString()), dir);
    }

    [Fact]
    public void The_csv_has_a_header_and_one_row_per_change()
    {
        var (outcome, dir) = RunDefaultWithFiles();
        var lines = File.ReadAllLines(Path.Combine(dir, "run.csv"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("time_s,time,cell_min_v,cell_max_v,bank_voltage_v,bank_current_a,bank_soc_pct", lines[0]);
        Assert.Contains("output.LoadDisconnect", lines[0]);
        var columns = lines[0].Split(',').Length;
        Assert.All(lines, l => Assert.Equal(columns, l.Split(',').Length));
        Assert.InRange(lines.Length, 20, 200);
        Assert.StartsWith("32400.0,", lines[^1]);
    }

    [Fact]
    public void The_csv_can_hold_every_step()
    {
        var dir = Directory.CreateTempSubdirectory("bms-out-").FullName;
        var outcome = ScenarioHarness.RunText("scenario: short\nduration: 10 s\n", "short.yaml",
            new SimulateCommand.Request(null, Path.Combine(dir, "all.csv"), CsvEveryStep: true, Quiet: true));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(1 + 101, File.ReadAllLines(Path.Combine(dir, "all.csv")).Length);
    }

    [Fact]
    public void The_json_event_log_holds_the_events_and_the_expectations()
    {
        var (_, dir) = RunDefaultWithFiles();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json")));
        var root = json.RootElement;

        Assert.Equal("VeBusBmsV2", root.GetProperty("product").GetString());
        Assert.True(root.GetProperty("passed").GetBoolean());
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "output.PreAlarm" && e.GetProperty("to").GetString() == "High");
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "scenario");
        Assert.All(root.GetProperty("expectations").EnumerateArray(), e => Assert.Equal("passed", e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public void The_svg_is_a_picture_with_the_voltages_and_the_pre_alarm_and_disconnect_marked()
    {
        var (_, dir) = RunDefaultWithFiles();
        var svg = XDocument.Load(Path.Combine(dir, "run.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.True(svg.Descendants(ns + "polyline").Count() >= 5);
        var titles = svg.Descendants(ns + "title").Select(t => t.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith("pre-alarm at", System.StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("loads off at", System.StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("chargers off at", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_exits_2()
    {
        var outcome = ScenarioHarness.RunText("scenario: short\nduration: 10 s\n", "short.yaml",
            new SimulateCommand.Request(null, JsonPath: "/nonexistent-dir/run.json", Quiet: true));

        Assert.Equal(SimulateCommand.ExitInvalid, outcome.ExitCode);
        Assert.Contains("cannot write", outcome.Error);
    }
}
