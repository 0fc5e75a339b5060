using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation;
using BmsRules.Runtime.Introspection;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Reads <c>system:</c>: mains, remote, Aux-In, BMS wiring, loads, Multi, chargers, GX.</summary>
internal static class SystemParser
{
    public static readonly string[] Keys = { "mains", "remote", "aux_in", "bms", "bootloader", "battery_data", "loads", "multi", "solar", "dcdc", "gx" };
    public static readonly string[] RemoteKeys = { "wiring", "state", "h_drop" };
    public static readonly string[] LoadKeys = { "dc", "always_on", "ac" };
    public static readonly string[] MultiKeys =
    {
        "present", "switch", "firmware", "assistant", "old_style", "mains_detector", "charge_current", "reduced_charge_current",
        "absorption_voltage", "float_voltage", "rebulk_voltage", "absorption_time", "efficiency", "idle_power", "bms_timeout", "emergency_current",
        "ess_assistant",
    };
    public static readonly string[] SolarKeys = { "control", "sun", "max_current", "absorption_voltage", "efficiency" };
    public static readonly string[] DcdcKeys = { "control", "alternator", "max_current", "absorption_voltage", "efficiency" };
    public static readonly string[] GxKeys = { "present", "power", "dvcc", "dvcc_period", "interface" };

    private static readonly string[][] Wirings = { new[] { "loop" }, new[] { "l_to_minus", "l" }, new[] { "h_to_plus", "h" }, new[] { "none" } };
    private static readonly string[][] ChargerControls = { new[] { "atc" }, new[] { "dvcc" }, new[] { "none" } };
    private static readonly string[][] Interfaces = { new[] { "mk2" }, new[] { "mk3" } };

    /// <summary>Reads <paramref name="node"/> into <paramref name="system"/>; <paramref name="productNode"/> is where to report that the product cannot talk to a Multi.</summary>
    public static void Read(YamlNode? node, YamlNode productNode, SystemConfiguration system, EngineDescriptor descriptor, ValueReader r)
    {
        ReadSystem(node, system, descriptor, r);
        if (system.Multi.Present && descriptor.VeBus is null)
        {
            r.Diagnostics.Add(node ?? productNode, $"The simulated Multi hears the BMS over VE.Bus, but {descriptor.DisplayName} has no VE.Bus frame (no 'vebus:' section in its spec): set 'multi: {{ present: false }}'.");
        }
    }

    private static void ReadSystem(YamlNode? node, SystemConfiguration system, EngineDescriptor descriptor, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "system");
        if (map is null) return;
        if (r.Choice(map, "mains", "system.mains", ControlCatalog.OnOff) is { } mains) system.Mains = mains == 1;
        ReadRemote(map.Take("remote"), system.Remote, r);
        if (r.Quantity(map, "aux_in", QuantityKind.Voltage, "system.aux_in", 0, 100, "between 0 V and 100 V") is { } aux) system.AuxInVoltage = aux;
        if (r.Choice(map, "bms", "system.bms", ControlCatalog.Connection) is { } bms) system.BmsConnected = bms == 1;
        if (r.Choice(map, "bootloader", "system.bootloader", ControlCatalog.OnOff) is { } boot) system.Bootloader = boot == 1;
        if (r.Choice(map, "battery_data", "system.battery_data", ControlCatalog.DataState) is { } data) system.BatteryDataLost = data == 1;
        ReadLoads(map.Take("loads"), system, r);
        ReadMulti(map.Take("multi"), system.Multi, descriptor.VeBus, r);
        ReadCharger(map.Take("solar"), "system.solar", "sun", SolarKeys, system.Solar, r);
        ReadCharger(map.Take("dcdc"), "system.dcdc", "alternator", DcdcKeys, system.Dcdc, r);
        ReadGx(map.Take("gx"), system.Gx, r);
        map.Finish(Keys);
        foreach (var (charger, key) in new[] { (system.Solar, "solar"), (system.Dcdc, "dcdc") })
        {
            if (charger.Control == ChargerControl.Dvcc && !system.Gx.Present)
            {
                r.Diagnostics.Add((YamlNode?)map.KeyNode(key) ?? node, $"system.{key}.control is dvcc, which needs a GX device: add 'gx: {{ present: true }}' to system.");
            }
            else if (charger.Control == ChargerControl.Dvcc && !system.Multi.Present)
            {
                r.Diagnostics.Add((YamlNode?)map.KeyNode(key) ?? node,
                    $"system.{key}.control is dvcc, but the GX reads the VE.Bus BMS through the Multi and there is none: remove 'present: false' from system.multi (it can stay without mains).");
            }
        }
    }

    private static void ReadRemote(YamlNode? node, RemoteSwitch remote, ValueReader r)
    {
        if (node is null) return;
        if (node is YamlScalarNode)
        {
            if (r.Choice(node, "system.remote", ControlCatalog.OnOff) is { } on) remote.On = on == 1;
            return;
        }
        var map = YamlMap.From(node, r.Diagnostics, "system.remote");
        if (map is null) return;
        if (r.Choice(map, "wiring", "system.remote.wiring", Wirings) is { } wiring) remote.Wiring = (RemoteWiring)wiring;
        if (r.Choice(map, "state", "system.remote.state", ControlCatalog.OnOff) is { } state) remote.On = state == 1;
        if (r.Quantity(map, "h_drop", QuantityKind.Voltage, "system.remote.h_drop", 0, 10, "between 0 V and 10 V") is { } drop) remote.HDrop = drop;
        map.Finish(RemoteKeys);
    }

    private static void ReadLoads(YamlNode? node, SystemConfiguration system, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "system.loads");
        if (map is null) return;
        if (r.Demand(map, "dc", "system.loads.dc") is { } dc) system.DcLoad = dc;
        if (r.Demand(map, "always_on", "system.loads.always_on") is { } always) system.AlwaysOnLoad = always;
        if (r.Quantity(map, "ac", QuantityKind.Power, "system.loads.ac", 0, 1e6, "between 0 W and 1 MW") is { } ac) system.AcLoadWatts = ac;
        map.Finish(LoadKeys);
    }

    private static void ReadMulti(YamlNode? node, MultiParameters multi, VeBusLayout? layout, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "system.multi");
        if (map is null) return;
        if (r.Bool(map, "present", "system.multi.present") is { } present) multi.Present = present;
        if (r.Choice(map, "switch", "system.multi.switch", ControlCatalog.SwitchWords) is { } sw) multi.Switch = (MultiSwitch)sw;
        if (map.Take("firmware") is { } fwNode && r.Scalar(fwNode, "system.multi.firmware") is { } fw)
        {
            if (VeBusFirmware.IsWellFormed(fw.Trim())) multi.Firmware = fw.Trim();
            else r.Diagnostics.Add(fwNode, $"system.multi.firmware must be the seven-digit VE.Bus firmware number (e.g. 2629492: processor 26, version 492), not '{fw}'.");
        }
        if (r.Bool(map, "assistant", "system.multi.assistant") is { } assistant) multi.Assistant = assistant;
        if (r.Bool(map, "ess_assistant", "system.multi.ess_assistant") is { } ess) multi.EssAssistant = ess;
        if (r.Bool(map, "old_style", "system.multi.old_style") is { } old) multi.OldStyle = old;
        if (r.Bool(map, "mains_detector", "system.multi.mains_detector") is { } detector) multi.MainsDetector = detector;
        const string Amps = "between 0 A and 10000 A";
        if (r.Quantity(map, "charge_current", QuantityKind.Current, "system.multi.charge_current", 0, 10_000, Amps) is { } cc) multi.ChargeCurrent = cc;
        if (r.Quantity(map, "reduced_charge_current", QuantityKind.Current, "system.multi.reduced_charge_current", 0, 10_000, Amps) is { } rc) multi.ReducedChargeCurrent = rc;
        if (r.Quantity(map, "emergency_current", QuantityKind.Current, "system.multi.emergency_current", 0, 10_000, Amps) is { } ec) multi.EmergencyCurrent = ec;
        const string Volts = "between 5 V and 70 V";
        if (r.Quantity(map, "absorption_voltage", QuantityKind.Voltage, "system.multi.absorption_voltage", 5, 70, Volts) is { } av) multi.AbsorptionVoltage = av;
        if (r.Quantity(map, "float_voltage", QuantityKind.Voltage, "system.multi.float_voltage", 5, 70, Volts) is { } fv) multi.FloatVoltage = fv;
        if (r.Quantity(map, "rebulk_voltage", QuantityKind.Voltage, "system.multi.rebulk_voltage", 5, 70, Volts) is { } rv) multi.RebulkVoltage = rv;
        if (r.Time(map, "absorption_time", "system.multi.absorption_time") is { } at) multi.AbsorptionTimeMs = at;
        if (r.Time(map, "bms_timeout", "system.multi.bms_timeout") is { } timeout)
        {
            // The Multi's VE.Bus end refuses a timeout that one slow repeat of the BMS frame would trip.
            if (layout is not null && timeout <= layout.LowPowerIntervalMilliseconds)
            {
                r.Diagnostics.Add(map.KeyNode("bms_timeout")!, $"system.multi.bms_timeout must be longer than the BMS frame's low-power repeat interval ({TimeText.Span(layout.LowPowerIntervalMilliseconds)}), or a single slow frame would put the Multi in emergency mode.");
            }
            else
            {
                multi.BmsTimeoutMs = timeout;
            }
        }
        if (r.Quantity(map, "efficiency", QuantityKind.Percent, "system.multi.efficiency", 0.1, 1, "between 10 % and 100 %") is { } eff) multi.Efficiency = eff;
        if (r.Quantity(map, "idle_power", QuantityKind.Power, "system.multi.idle_power", 0, 10_000, "between 0 W and 10 kW") is { } idle) multi.IdlePower = idle;
        map.Finish(MultiKeys);
    }

    private static void ReadCharger(YamlNode? node, string where, string inputKey, string[] keys, DcCharger charger, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, where);
        if (map is null) return;
        if (r.Choice(map, "control", where + ".control", ChargerControls) is { } control) charger.Control = (ChargerControl)control;
        if (r.Demand(map, inputKey, where + "." + inputKey) is { } available) charger.Available = available;
        if (r.Quantity(map, "max_current", QuantityKind.Current, where + ".max_current", 0, 10_000, "between 0 A and 10000 A") is { } max) charger.MaxCurrent = max;
        if (r.Quantity(map, "absorption_voltage", QuantityKind.Voltage, where + ".absorption_voltage", 5, 70, "between 5 V and 70 V") is { } av) charger.AbsorptionVoltage = av;
        if (r.Quantity(map, "efficiency", QuantityKind.Percent, where + ".efficiency", 0.1, 1, "between 10 % and 100 %") is { } eff) charger.Efficiency = eff;
        map.Finish(keys);
    }

    private static void ReadGx(YamlNode? node, GxParameters gx, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "system.gx");
        if (map is null) return;
        gx.Present = true;
        if (r.Bool(map, "present", "system.gx.present") is { } present) gx.Present = present;
        if (r.Quantity(map, "power", QuantityKind.Power, "system.gx.power", 0, 1000, "between 0 W and 1 kW") is { } power) gx.Power = power;
        if (r.Bool(map, "dvcc", "system.gx.dvcc") is { } dvcc) gx.Dvcc = dvcc;
        if (r.Choice(map, "interface", "system.gx.interface", Interfaces) is { } vebusInterface) gx.Interface = (VeBusInterface)vebusInterface;
        if (r.Time(map, "dvcc_period", "system.gx.dvcc_period") is { } period)
        {
            if (period is >= 100 and <= 600_000) gx.DvccPeriodMs = period;
            else r.Diagnostics.Add(map.KeyNode("dvcc_period")!, "system.gx.dvcc_period must be between 100 ms and 10 min (Venus OS: 3 s).");
        }
        map.Finish(GxKeys);
    }
}
