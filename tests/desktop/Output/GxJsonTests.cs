using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BmsRules.Desktop.Commands;

namespace BmsRules.Desktop.Tests.Output;

/// <summary>
/// The JSON output carries what a GX device shows on D-Bus, derived from what the Multi received over VE.Bus: the
/// /Bms paths of the Multi's service, DVCC's effect on the solar charger and the system state, one entry per step in
/// which any of them changed.
/// </summary>
public class GxJsonTests
{
    // A high cell stops charging (ATC and AllowToCharge) and the BMS later hangs in its boot loader (no frames).
    private const string Scenario = """
        scenario: GX view
        duration: 50 min
        bank:
          battery: { capacity: 100 Ah }
          soc: 85 %
          imbalance: [ { battery: 1, cell: 3, soc: +8 % } ]
        system:
          mains: off
          aux_in: 14 V
          gx: { present: true }
          solar: { control: dvcc, max_current: 30 A, sun: 400 W }
        timeline:
          - { at: 40 min, bootloader: on }
        """;

    private static readonly string[] VeBusPaths =
        {
            "/Bms/AllowToCharge", "/Bms/AllowToDischarge", "/Bms/BmsExpected", "/Bms/Error", "/Bms/PreAlarm", "/Alarms/BmsPreAlarm", "/Bms/BmsType",
            "/Devices/Bms/Version", "/VebusMainState", "/Hub4/AssistantId", "/Interfaces/Mk2/ProductName",
        };

    private static List<JsonElement> Entries(out JsonElement gx, out JsonElement bus)
    {
        var dir = Directory.CreateTempSubdirectory("bms-gx-");
        try
        {
            var json = Path.Combine(dir.FullName, "run.json");
            var outcome = ScenarioHarness.RunText(Scenario, "gx.yaml", new SimulateCommand.Request(null, JsonPath: json, Quiet: true));
            Assert.Equal(0, outcome.ExitCode);
            var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
            gx = root.GetProperty("gx");
            bus = root.GetProperty("vebus");
            return gx.GetProperty("dbus").EnumerateArray().ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static double? Value(JsonElement entry, string service, string path)
    {
        var v = entry.GetProperty(service).GetProperty(path);
        return v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
    }

    private static double? Bms(JsonElement entry, string path) => Value(entry, "com.victronenergy.vebus", path);

    private static long Time(JsonElement entry) => entry.GetProperty("t_ms").GetInt64();

    [Fact]
    public void Every_entry_carries_the_Venus_OS_paths_of_the_Multi_the_system_and_the_solar_charger()
    {
        var entries = Entries(out var gx, out _);

        Assert.True(gx.GetProperty("dvcc").GetBoolean());
        Assert.Equal(3_000, gx.GetProperty("dvcc_period_ms").GetInt64());
        Assert.True(entries.Count >= 4);
        foreach (var e in entries)
        {
            foreach (var path in VeBusPaths) Assert.True(e.GetProperty("com.victronenergy.vebus").TryGetProperty(path, out _), path);
            Assert.True(e.GetProperty("com.victronenergy.system").TryGetProperty("/SystemState/ChargeDisabled", out _));
            Assert.True(e.GetProperty("com.victronenergy.system").TryGetProperty("/SystemState/DischargeDisabled", out _));
            Assert.True(e.GetProperty("com.victronenergy.solarcharger").TryGetProperty("/Link/ChargeCurrent", out _));
            Assert.True(e.GetProperty("com.victronenergy.solarcharger").TryGetProperty("/Link/NetworkMode", out _));
            Assert.True(e.TryGetProperty("powered", out _));
        }
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void The_gx_section_carries_the_settings_a_replay_through_Venus_OS_needs()
    {
        Entries(out var gx, out _);

        Assert.Contains("v2.256", gx.GetProperty("venus_os").GetString(), System.StringComparison.Ordinal);
        Assert.False(gx.GetProperty("ess_assistant").GetBoolean());
        Assert.Equal("MK3", gx.GetProperty("interface").GetString());
        Assert.Equal(1_000, gx.GetProperty("system_state_period_ms").GetInt64());
        var settings = gx.GetProperty("com.victronenergy.settings");
        Assert.Equal(1, settings.GetProperty("/Settings/Services/Bol").GetInt32());
        Assert.Equal(-1, settings.GetProperty("/Settings/SystemSetup/MaxChargeCurrent").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("/Settings/CGwacs/Hub4Mode").ValueKind);
        Assert.Equal(30, gx.GetProperty("com.victronenergy.solarcharger").GetProperty("/Settings/ChargeCurrentLimit").GetDouble());
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    public void No_entry_ever_shows_a_pre_alarm_on_the_GX()
    {
        foreach (var e in Entries(out _, out _))
        {
            Assert.NotEqual(1, Bms(e, "/Bms/PreAlarm"));
            Assert.NotEqual(1, Bms(e, "/Alarms/BmsPreAlarm"));
        }
    }

    [Fact]
    public void A_healthy_V2_shows_as_a_VE_Bus_BMS_with_its_version_allowing_both()
    {
        var healthy = Entries(out _, out _).First(e => Bms(e, "/Bms/AllowToCharge") == 1);

        Assert.Equal(1, Bms(healthy, "/Bms/AllowToDischarge"));
        Assert.Equal(1, Bms(healthy, "/Bms/BmsExpected"));
        Assert.Equal(0, Bms(healthy, "/Bms/Error"));
        Assert.Equal(2, Bms(healthy, "/Bms/BmsType"));
        Assert.Equal(1146100, Bms(healthy, "/Devices/Bms/Version"));
    }

    [Fact]
    [Trait("Covers", "V2-06")]
    public void Charging_not_allowed_sets_the_solar_charger_to_0_A_within_one_DVCC_period()
    {
        var entries = Entries(out _, out _);

        var healthy = entries.First(e => Bms(e, "/Bms/AllowToCharge") == 1);
        var stopped = entries.First(e => Time(e) > Time(healthy) && Bms(e, "/Bms/AllowToCharge") == 0 && Bms(e, "/Bms/Error") == 0);
        var limited = entries.First(e => Time(e) >= Time(stopped) && Value(e, "com.victronenergy.solarcharger", "/Link/ChargeCurrent") == 0);
        Assert.InRange(Time(limited) - Time(stopped), 0, 3_000);
        // Without the ESS assistant Venus OS's system state does not show the BMS (systemstate.py).
        Assert.Equal(0, Value(limited, "com.victronenergy.system", "/SystemState/ChargeDisabled"));
        Assert.Equal(0, Value(limited, "com.victronenergy.system", "/SystemState/DischargeDisabled"));
        Assert.Equal(13, Value(limited, "com.victronenergy.solarcharger", "/Link/NetworkMode"));
        Assert.Equal(0, limited.GetProperty("dvcc_max_charge_current_a").GetDouble());
        // Before the BMS stopped charging, the solar charger had its own limit.
        var before = entries.Last(e => Time(e) < Time(stopped));
        Assert.Equal(30, Value(before, "com.victronenergy.solarcharger", "/Link/ChargeCurrent"));
        Assert.Equal(0, Value(before, "com.victronenergy.system", "/SystemState/ChargeDisabled"));
    }

    [Fact]
    public void When_the_BMS_frames_stop_the_GX_shows_a_BMS_error_after_the_Multi_s_timeout()
    {
        var entries = Entries(out _, out var bus);

        var error = entries.First(e => Bms(e, "/Bms/Error") == 1);
        Assert.InRange(Time(error), 40 * 60_000 + 4_000, 40 * 60_000 + 5_100);
        Assert.Equal(0, Bms(error, "/Bms/AllowToCharge"));
        Assert.Equal(0, Bms(error, "/Bms/AllowToDischarge"));
        Assert.True(bus.GetProperty("bms_frames_received").GetInt64() > 2_000);
        Assert.Equal(bus.GetProperty("bms_frames_sent").GetInt64(), bus.GetProperty("bms_frames_received").GetInt64());
    }

    [Fact]
    public void Entries_are_recorded_only_when_a_path_changes()
    {
        var entries = Entries(out _, out _);

        for (var i = 1; i < entries.Count; i++)
        {
            var a = entries[i - 1].Clone();
            var b = entries[i].Clone();
            Assert.NotEqual(Strip(a), Strip(b));
        }
    }

    private static string Strip(JsonElement entry) =>
        string.Join(";", entry.EnumerateObject().Where(p => p.Name is not ("t_ms" or "time")).Select(p => p.Name + "=" + p.Value.GetRawText()));

    [Fact]
    public void Without_a_GX_the_json_has_no_gx_section_but_still_the_bus_counters()
    {
        var dir = Directory.CreateTempSubdirectory("bms-gx-");
        try
        {
            var json = Path.Combine(dir.FullName, "run.json");
            var outcome = ScenarioHarness.RunText("scenario: no GX\nduration: 1 min\n", "nogx.yaml", new SimulateCommand.Request(null, JsonPath: json, Quiet: true));
            Assert.Equal(0, outcome.ExitCode);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));

            Assert.False(doc.RootElement.TryGetProperty("gx", out _));
            Assert.Equal(3_001, doc.RootElement.GetProperty("vebus").GetProperty("syncs").GetInt64());
            Assert.InRange(doc.RootElement.GetProperty("vebus").GetProperty("bms_frames_received").GetInt64(), 58, 64);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
