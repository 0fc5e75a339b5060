using System;
using System.Collections.Generic;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Simulation.Observables;

/// <summary>
/// Every observable of one product's engine plus the simulator's quantities, by name. Engine names
/// come from the descriptor, so a later product gets its own outputs, flags and states for free.
/// </summary>
public sealed class ObservableCatalog
{
    private static readonly string[] OutputLevels = { nameof(OutputLevel.Floating), nameof(OutputLevel.High) };

    private readonly Dictionary<string, Observable> _byName = new(StringComparer.Ordinal);
    private readonly List<Observable> _all = new();
    private readonly List<Observable> _tracked = new();

    /// <summary>Builds the catalogue for <paramref name="descriptor"/>.</summary>
    public ObservableCatalog(EngineDescriptor descriptor)
    {
        Descriptor = descriptor;
        for (var i = 0; i < descriptor.Machines.Count; i++)
        {
            var m = descriptor.Machines[i];
            var names = new string[m.States.Count];
            for (var s = 0; s < names.Length; s++) names[s] = m.States[s].Name;
            Add(new Observable("state." + m.Name, m.Name + " state", ObservableSource.State, i, ValueKind.Enum, names), track: true);
        }
        for (var i = 0; i < descriptor.Outputs.Count; i++)
        {
            var o = descriptor.Outputs[i];
            Add(new Observable("output." + o.Name, o.Label ?? o.Name, ObservableSource.Output, i, ValueKind.Enum, OutputLevels), track: true);
        }
        for (var i = 0; i < descriptor.Flags.Count; i++)
        {
            var f = descriptor.Flags[i];
            Add(new Observable("flag." + f.Name, f.Name, ObservableSource.Flag, i, ValueKind.Bool), track: true);
        }
        for (var i = 0; i < descriptor.Bands.Count; i++)
        {
            var b = descriptor.Bands[i];
            Add(new Observable("zone." + b.Name, b.Name, ObservableSource.Zone, i, ValueKind.Enum, b.Zones), track: true);
        }
        for (var i = 0; i < descriptor.Conditions.Count; i++)
        {
            var c = descriptor.Conditions[i];
            Add(new Observable("condition." + c.Name, c.Name, ObservableSource.Condition, i, ValueKind.Bool), track: false);
        }
        for (var i = 0; i < descriptor.Tables.Count; i++)
        {
            var t = descriptor.Tables[i];
            if (t.IsLed)
            {
                var label = (t.Label ?? t.Name) + " LED";
                Add(new Observable("led." + t.Name, label, ObservableSource.Led, i, ValueKind.Enum, t.Values), track: true);
                Add(new Observable("led." + t.Name + ".lit", label + " lit", ObservableSource.LedLit, i, ValueKind.Bool), track: false);
            }
            else if (t.Unit is not null)
            {
                Add(new Observable("table." + t.Name, t.Name, ObservableSource.TableNumber, i, ValueKind.Number, unit: t.Unit), track: true);
            }
            else
            {
                Add(new Observable("table." + t.Name, t.Name, ObservableSource.Table, i, ValueKind.Enum, t.Values), track: true);
            }
        }
        var primaryNames = new string[descriptor.Codes.Count + 1];
        primaryNames[0] = "none";
        for (var i = 0; i < descriptor.Codes.Count; i++)
        {
            var c = descriptor.Codes[i];
            primaryNames[i + 1] = c.Id;
            var code = new Observable("code." + c.Id, c.Id + " " + c.Name, ObservableSource.Code, i, ValueKind.Bool);
            Add(code, track: true);
            _byName["code." + c.Name] = code;
        }
        Add(new Observable("code", "Primary code", ObservableSource.PrimaryCode, 0, ValueKind.Enum, primaryNames), track: false);
        for (var i = 0; i < descriptor.Inputs.Count; i++)
        {
            var input = descriptor.Inputs[i];
            var kind = input.Kind == InputKind.Bool ? ValueKind.Bool : ValueKind.Number;
            Add(new Observable("input." + input.Name, input.Name + " (input)", ObservableSource.Input, i, kind, unit: input.Unit), track: false);
        }
        AddSimulatorQuantities();
    }

    /// <summary>The product's descriptor.</summary>
    public EngineDescriptor Descriptor { get; }

    /// <summary>Every observable, engine ones first.</summary>
    public IReadOnlyList<Observable> All => _all;

    /// <summary>The observables whose changes make up the timeline: states, outputs, flags, zones, tables, LED patterns, codes, Multi state.</summary>
    public IReadOnlyList<Observable> Tracked => _tracked;

    /// <summary>The observable called <paramref name="name"/> (cell observables: <c>cell.B.C.voltage</c>, <c>cell.B.C.soc</c>).</summary>
    public bool TryGet(string name, out Observable observable)
    {
        if (_byName.TryGetValue(name, out observable!)) return true;
        var parts = name.Split('.');
        if (parts.Length == 4 && parts[0] == "cell" && int.TryParse(parts[1], out var battery) && int.TryParse(parts[2], out var cell)
            && (parts[3] == "voltage" || parts[3] == "soc"))
        {
            observable = parts[3] == "voltage"
                ? new Observable(name, $"Battery {battery} cell {cell} voltage", ObservableSource.CellVoltage, battery, ValueKind.Number, unit: "V", index2: cell)
                : new Observable(name, $"Battery {battery} cell {cell} state of charge", ObservableSource.CellSoc, battery, ValueKind.Number, unit: "%", index2: cell);
            return true;
        }
        return false;
    }

    /// <summary>The known name nearest to <paramref name="name"/>, for "did you mean".</summary>
    public string? Suggest(string name) => NameSuggester.Nearest(name, _byName.Keys);

    /// <summary>A simulator quantity by enum.</summary>
    public Observable Get(SimQuantity quantity) => _byName[SimNames[(int)quantity]];

    private static readonly string[] SimNames = new string[Enum.GetValues<SimQuantity>().Length];

    private void AddSimulatorQuantities()
    {
        Sim(SimQuantity.CellMin, "cell.min", "Lowest cell voltage", ValueKind.Number, "V");
        Sim(SimQuantity.CellMax, "cell.max", "Highest cell voltage", ValueKind.Number, "V");
        Sim(SimQuantity.BankVoltage, "bank.voltage", "Bank voltage", ValueKind.Number, "V");
        Sim(SimQuantity.BankCurrent, "bank.current", "Bank current (+ charging)", ValueKind.Number, "A");
        Sim(SimQuantity.Soc, "bank.soc", "State of charge", ValueKind.Number, "%");
        Sim(SimQuantity.SocMin, "bank.soc_min", "Lowest cell state of charge", ValueKind.Number, "%");
        Sim(SimQuantity.SocMax, "bank.soc_max", "Highest cell state of charge", ValueKind.Number, "%");
        Sim(SimQuantity.Temperature, "bank.temperature", "Battery temperature", ValueKind.Number, "°C");
        Sim(SimQuantity.MultiState, "multi.state", "Multi", ValueKind.Enum, names: Enum.GetNames<MultiState>(), track: true);
        Sim(SimQuantity.MultiOn, "multi.on", "Multi on", ValueKind.Bool);
        Sim(SimQuantity.MultiChargeCurrent, "multi.charge_current", "Multi charge current", ValueKind.Number, "A");
        Sim(SimQuantity.MultiDischargeCurrent, "multi.discharge_current", "Multi inverter current", ValueKind.Number, "A");
        Sim(SimQuantity.MultiVeBusError, "multi.vebus_error", "Multi VE.Bus error", ValueKind.Number, track: true);
        Sim(SimQuantity.MultiSwitch, "multi.switch", "Multi front switch", ValueKind.Enum, names: Enum.GetNames<MultiSwitch>());
        Sim(SimQuantity.SolarCurrent, "solar.current", "Solar charge current", ValueKind.Number, "A");
        Sim(SimQuantity.SolarEnabled, "solar.enabled", "Solar charger enabled", ValueKind.Bool);
        Sim(SimQuantity.DcdcCurrent, "dcdc.current", "DC-DC charge current", ValueKind.Number, "A");
        Sim(SimQuantity.DcdcEnabled, "dcdc.enabled", "DC-DC charger enabled", ValueKind.Bool);
        Sim(SimQuantity.LoadsConnected, "loads.connected", "DC loads connected (BatteryProtect on)", ValueKind.Bool);
        Sim(SimQuantity.DcLoadCurrent, "loads.current", "DC load current", ValueKind.Number, "A");
        Sim(SimQuantity.BmsSupplyCurrent, "bms.supply_current", "BMS supply current", ValueKind.Number, "mA");
        Sim(SimQuantity.BmsPowered, "bms.powered", "BMS powered", ValueKind.Bool, track: true);
        Sim(SimQuantity.GxPowered, "gx.powered", "GX device powered", ValueKind.Bool, track: true);
        Sim(SimQuantity.Mains, "mains", "Mains", ValueKind.Bool);
        Sim(SimQuantity.Remote, "remote", "Remote switch on", ValueKind.Bool);
        Sim(SimQuantity.AuxIn, "aux_in", "Aux-In voltage", ValueKind.Number, "V");
        Sim(SimQuantity.BatteryDataLost, "battery_data.lost", "Battery data lost", ValueKind.Bool);
        Sim(SimQuantity.BtvAllowCharge, "btv.allow_charge", "BTV allowed to charge", ValueKind.Bool);
        Sim(SimQuantity.BtvAllowDischarge, "btv.allow_discharge", "BTV allowed to discharge", ValueKind.Bool);
        Sim(SimQuantity.BtvPreAlarm, "btv.pre_alarm", "BTV pre-alarm", ValueKind.Bool);
        // The BMS as the Multi received it over VE.Bus, and the bus itself.
        Sim(SimQuantity.MultiBmsPresent, "multi.bms_present", "Multi hears the BMS", ValueKind.Bool, track: true);
        Sim(SimQuantity.MultiEmergency, "multi.emergency", "Multi without BMS frames (emergency)", ValueKind.Bool, track: true);
        Sim(SimQuantity.VeBusSyncs, "vebus.syncs", "Sync frames sent by the Multi", ValueKind.Number);
        Sim(SimQuantity.VeBusFramesSent, "vebus.frames_sent", "BMS frames sent", ValueKind.Number);
        Sim(SimQuantity.VeBusFramesReceived, "vebus.frames_received", "BMS frames the Multi accepted", ValueKind.Number);
        Sim(SimQuantity.VeBusFramesIgnored, "vebus.frames_ignored", "BMS frames the Multi ignored (frame number)", ValueKind.Number);
        Sim(SimQuantity.VeBusRejections, "vebus.rejections", "Bytes the Multi rejected (corrupt, truncated)", ValueKind.Number);
        Sim(SimQuantity.VeBusFrameInterval, "vebus.frame_interval", "Time between the last two BMS frames", ValueKind.Number, "s");
        Sim(SimQuantity.VeBusLastFrameAge, "vebus.last_frame_age", "Time since the last BMS frame", ValueKind.Number, "s");
        Sim(SimQuantity.VeBusAllowToCharge, "vebus.allow_to_charge", "BMS frame: allow to charge", ValueKind.Bool);
        Sim(SimQuantity.VeBusAllowToDischarge, "vebus.allow_to_discharge", "BMS frame: allow to discharge", ValueKind.Bool);
        Sim(SimQuantity.VeBusChargeReduction, "vebus.charge_reduction", "BMS frame: charge reduction", ValueKind.Bool);
        Sim(SimQuantity.VeBusLowPowerMode, "vebus.low_power_mode", "BMS frame: low-power mode", ValueKind.Bool);
        Sim(SimQuantity.VeBusBmsVersion, "vebus.bms_version", "BMS frame: version", ValueKind.Number);
        // What a GX device shows (Venus OS D-Bus paths), NaN (n/a) when a path is empty.
        Sim(SimQuantity.GxAllowToCharge, "gx./Bms/AllowToCharge", "GX /Bms/AllowToCharge", ValueKind.Number);
        Sim(SimQuantity.GxAllowToDischarge, "gx./Bms/AllowToDischarge", "GX /Bms/AllowToDischarge", ValueKind.Number);
        Sim(SimQuantity.GxBmsExpected, "gx./Bms/BmsExpected", "GX /Bms/BmsExpected", ValueKind.Number);
        Sim(SimQuantity.GxError, "gx./Bms/Error", "GX /Bms/Error", ValueKind.Number);
        Sim(SimQuantity.GxPreAlarm, "gx./Bms/PreAlarm", "GX /Bms/PreAlarm", ValueKind.Number);
        Sim(SimQuantity.GxBmsType, "gx./Bms/BmsType", "GX /Bms/BmsType", ValueKind.Number);
        Sim(SimQuantity.GxBmsVersion, "gx./Devices/Bms/Version", "GX /Devices/Bms/Version", ValueKind.Number);
        Sim(SimQuantity.GxChargeDisabled, "gx./SystemState/ChargeDisabled", "GX /SystemState/ChargeDisabled", ValueKind.Number);
        Sim(SimQuantity.GxDischargeDisabled, "gx./SystemState/DischargeDisabled", "GX /SystemState/DischargeDisabled", ValueKind.Number);
        Sim(SimQuantity.GxMaxChargeCurrent, "gx.dvcc.max_charge_current", "GX DVCC max charge current", ValueKind.Number, "A");
        Sim(SimQuantity.GxVebusMainState, "gx./VebusMainState", "GX /VebusMainState", ValueKind.Number);
        Sim(SimQuantity.GxAlarmBmsPreAlarm, "gx./Alarms/BmsPreAlarm", "GX /Alarms/BmsPreAlarm (BMS pre-alarm notification)", ValueKind.Number);
        Sim(SimQuantity.GxHubAssistantId, "gx./Hub4/AssistantId", "GX /Hub4/AssistantId (5 = ESS)", ValueKind.Number);
        Sim(SimQuantity.GxSolarChargeCurrent, "gx./Link/ChargeCurrent", "GX DVCC: solar charger /Link/ChargeCurrent", ValueKind.Number, "A");
        Sim(SimQuantity.GxSolarNetworkMode, "gx./Link/NetworkMode", "GX DVCC: solar charger /Link/NetworkMode", ValueKind.Number);
    }

    private void Sim(SimQuantity q, string name, string label, ValueKind kind, string? unit = null, string[]? names = null, bool track = false)
    {
        SimNames[(int)q] = name;
        Add(new Observable(name, label, ObservableSource.Simulator, (int)q, kind, names, unit), track);
    }

    private void Add(Observable o, bool track)
    {
        _byName[o.Name] = o;
        _all.Add(o);
        if (track) _tracked.Add(o);
    }
}
