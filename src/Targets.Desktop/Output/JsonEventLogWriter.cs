using System.IO;
using System.Text.Json;
using BmsRules.Desktop.Scenarios;
using BmsRules.Desktop.Scenarios.Expectations;
using BmsRules.Desktop.Scenarios.Running;
using BmsRules.Desktop.Simulation;

namespace BmsRules.Desktop.Output;

/// <summary>Writes a run's event log as JSON: the scenario, every timeline event, every expectation with its outcome.</summary>
internal static class JsonEventLogWriter
{
    public static void Write(string path, RunResult result)
    {
        using var stream = File.Create(path);
        Write(stream, result);
    }

    public static void Write(Stream stream, RunResult result)
    {
        var s = result.Scenario;
        var bank = s.System.Bank;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", "bmsrules-simulation/1");
        w.WriteString("scenario", s.Name);
        w.WriteString("file", s.File);
        if (s.Description is { } d) w.WriteString("description", d.Trim());
        w.WriteString("product", s.Product.ProductId);
        w.WriteStartArray("covers");
        foreach (var c in s.Covers) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartObject("bank");
        w.WriteString("battery", bank.Battery.Describe());
        w.WriteNumber("series", bank.Series);
        w.WriteNumber("parallel", bank.Parallel);
        w.WriteNumber("system_voltage", BankRules.SystemVoltageOf(bank.Series * bank.Battery.NominalVoltage));
        w.WriteNumber("cells", result.CellCount);
        w.WriteEndObject();
        w.WriteNumber("step_ms", s.StepMs);
        w.WriteNumber("duration_ms", s.DurationMs);
        w.WriteNumber("steps", result.Steps);
        w.WriteNumber("wall_time_s", result.WallTime.TotalSeconds);
        w.WriteNumber("speed_up", double.IsInfinity(result.SpeedUp) ? 0 : result.SpeedUp);
        w.WriteBoolean("passed", result.Passed);

        w.WriteStartArray("events");
        foreach (var e in result.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("t_ms", e.TimeMs);
            w.WriteString("time", TimeText.Clock(e.TimeMs));
            w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            w.WriteString("name", e.Name);
            w.WriteString("label", e.Label);
            if (e.From is not null) w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            if (e.Line > 0) w.WriteNumber("line", e.Line);
            w.WriteNumber("cell_min_v", Round(e.CellMin, 4));
            w.WriteNumber("cell_max_v", Round(e.CellMax, 4));
            w.WriteNumber("soc_pct", Round(e.Soc, 2));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("expectations");
        foreach (var e in s.Expectations)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteNumber("line", e.Line);
            w.WriteNumber("column", e.Column);
            w.WriteString("expects", e.Describe());
            w.WriteString("outcome", e.Outcome == ExpectationOutcome.Passed ? "passed" : "failed");
            w.WriteNumber("decided_at_ms", e.DecidedAtMs);
            w.WriteString("detail", e.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static double Round(double v, int digits) => double.IsFinite(v) ? System.Math.Round(v, digits) : 0;
}
