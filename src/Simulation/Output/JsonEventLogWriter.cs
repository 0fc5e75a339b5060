using System.IO;
using System.Text.Json;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Output;

/// <summary>
/// Writes a run's event log as JSON: the scenario, every timeline event, every expectation with its outcome, the
/// VE.Bus counters and — with a GX device — the Venus OS D-Bus paths the GX showed, one entry per step in which any
/// of them changed (see docs/simulator.md, "Output").
/// </summary>
internal static class JsonEventLogWriter
{
    /// <summary>The D-Bus service of the Multi (a real GX appends the port, e.g. <c>.ttyS3</c>).</summary>
    public const string VeBusService = "com.victronenergy.vebus";

    /// <summary>The D-Bus service of the system calculations.</summary>
    public const string SystemService = "com.victronenergy.system";

    /// <summary>The D-Bus service of a solar charger.</summary>
    public const string SolarChargerService = "com.victronenergy.solarcharger";

    /// <summary>The D-Bus service of the GX's settings.</summary>
    public const string SettingsService = "com.victronenergy.settings";

    public static void Write(string path, RunResult result, GxRecorder? gx = null, VeBusSummary? bus = null)
    {
        using var file = new AtomicFile(path);
        Write(file.Stream, result, gx, bus);
        file.Commit();
    }

    public static void Write(Stream stream, RunResult result, GxRecorder? gx = null, VeBusSummary? bus = null)
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

        if (bus is { Present: true })
        {
            w.WriteStartObject("vebus");
            w.WriteString("schedule", bus.EverySync
                ? "every sync: every sync frame goes on the simulated wire"
                : "events: only the sync frames the BMS answers go on the simulated wire; the others are counted");
            w.WriteNumber("syncs", bus.Syncs);
            w.WriteNumber("syncs_on_wire", bus.SyncsOnWire);
            w.WriteNumber("bms_frames_sent", bus.FramesSent);
            w.WriteNumber("bms_frames_received", bus.FramesReceived);
            w.WriteNumber("bms_frames_ignored", bus.FramesIgnored);
            w.WriteNumber("rejections", bus.Rejections);
            w.WriteNumber("max_sync_to_frame_ms", bus.MaxSyncToFrameMs);
            w.WriteNumber("bms_timeout_ms", bus.BmsTimeoutMs);
            w.WriteEndObject();
        }
        if (gx is { Present: true }) WriteGx(w, gx);
        w.WriteEndObject();
    }

    private static void WriteGx(Utf8JsonWriter w, GxRecorder gx)
    {
        w.WriteStartObject("gx");
        w.WriteString("venus_os", "dbus-systemcalc-py v2.256 (9730db0): delegates/systemstate.py, delegates/dvcc.py (docs/vebus.md)");
        w.WriteBoolean("dvcc", gx.Dvcc);
        w.WriteNumber("dvcc_period_ms", gx.DvccPeriodMs);
        w.WriteNumber("system_state_period_ms", VenusOsRules.SystemStatePeriodMs);
        w.WriteBoolean("ess_assistant", gx.EssAssistant);
        w.WriteString("interface", InterfaceName(gx.Interface));
        w.WriteString("timers", "a GX powered at the first step has been running: its last system-state update and DVCC run were then; "
                                + "one powered later starts its timers then (system state after system_state_period_ms, DVCC after dvcc_period_ms)");
        w.WriteStartObject(SettingsService);
        w.WriteNumber("/Settings/Services/Bol", gx.Dvcc ? 1 : 0);
        w.WriteNumber("/Settings/SystemSetup/MaxChargeCurrent", -1);
        if (gx.EssAssistant) w.WriteNumber("/Settings/CGwacs/Hub4Mode", 1);
        else w.WriteNull("/Settings/CGwacs/Hub4Mode");
        w.WriteEndObject();
        if (gx.SolarUnderDvcc)
        {
            w.WriteStartObject(SolarChargerService);
            w.WriteNumber("/Settings/ChargeCurrentLimit", gx.SolarChargeCurrentLimit);
            w.WriteString("/Mgmt/Connection", "VE.Direct");
            w.WriteEndObject();
        }
        w.WriteString("recorded", "on change: the first step, then every step in which a path changed, with every path's value (null = invalid)");
        w.WriteStartArray("dbus");
        foreach (var s in gx.Snapshots)
        {
            w.WriteStartObject();
            w.WriteNumber("t_ms", s.TimeMs);
            w.WriteString("time", TimeText.Clock(s.TimeMs));
            w.WriteBoolean("powered", s.Powered);
            w.WriteStartObject(VeBusService);
            Path(w, "/Bms/AllowToCharge", s.AllowToCharge);
            Path(w, "/Bms/AllowToDischarge", s.AllowToDischarge);
            Path(w, "/Bms/BmsExpected", s.BmsExpected);
            Path(w, "/Bms/Error", s.Error);
            Path(w, "/Bms/PreAlarm", s.PreAlarm);
            Path(w, "/Alarms/BmsPreAlarm", s.AlarmBmsPreAlarm);
            Path(w, "/Bms/BmsType", s.BmsType);
            Path(w, "/Devices/Bms/Version", s.BmsVersion);
            Path(w, "/VebusMainState", s.VebusMainState);
            Path(w, "/Hub4/AssistantId", s.HubAssistantId);
            if (double.IsNaN(s.BmsType)) w.WriteNull("/Interfaces/Mk2/ProductName");
            else w.WriteString("/Interfaces/Mk2/ProductName", InterfaceName(gx.Interface));
            w.WriteEndObject();
            w.WriteStartObject(SystemService);
            Path(w, "/SystemState/ChargeDisabled", s.ChargeDisabled);
            Path(w, "/SystemState/DischargeDisabled", s.DischargeDisabled);
            w.WriteEndObject();
            if (gx.SolarUnderDvcc)
            {
                w.WriteStartObject(SolarChargerService);
                Path(w, "/Link/ChargeCurrent", s.SolarLinkChargeCurrent);
                Path(w, "/Link/NetworkMode", s.SolarNetworkMode);
                w.WriteEndObject();
            }
            Path(w, "dvcc_max_charge_current_a", s.MaxChargeCurrent);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>What <c>/Interfaces/Mk2/ProductName</c> reads for <paramref name="vebusInterface"/>.</summary>
    public static string InterfaceName(VeBusInterface vebusInterface) => vebusInterface == VeBusInterface.Mk2 ? "MK2" : "MK3";

    /// <summary>A D-Bus value: a number, or null when the path is invalid.</summary>
    private static void Path(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value)) w.WriteNull(name);
        else w.WriteNumber(name, value);
    }

    private static double Round(double v, int digits) => double.IsFinite(v) ? System.Math.Round(v, digits) : 0;
}
