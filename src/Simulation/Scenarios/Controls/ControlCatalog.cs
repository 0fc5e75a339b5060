using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Simulation.Scenarios.Parsing;
using BmsRules.Simulation;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Simulation.Scenarios.Controls;

/// <summary>The controls a timeline can set or ramp, by name (docs/scenarios.md lists them).</summary>
internal sealed class ControlCatalog
{
    public static readonly string[][] OnOff = { new[] { "off", "false", "no", "open" }, new[] { "on", "true", "yes", "closed" } };
    public static readonly string[][] Connection = { new[] { "disconnected", "off", "false" }, new[] { "connected", "on", "true" } };
    public static readonly string[][] DataState = { new[] { "ok", "on", "true" }, new[] { "lost", "off", "false" } };
    public static readonly string[][] SwitchWords = { new[] { "on" }, new[] { "off" }, new[] { "charger_only", "charger-only", "chargeronly" } };

    private readonly Dictionary<string, Control> _fixed = new(StringComparer.Ordinal);
    private readonly EngineDescriptor _descriptor;

    public ControlCatalog(EngineDescriptor descriptor)
    {
        _descriptor = descriptor;
        Demand("dc_load", "DC loads behind the BatteryProtect that the Load disconnect output switches.",
            (s, d) => s.Config.DcLoad = d, s => s.Config.DcLoad);
        Demand("always_on_load", "DC loads wired straight to the battery (standby and residual currents).",
            (s, d) => s.Config.AlwaysOnLoad = d, s => s.Config.AlwaysOnLoad);
        Number("ac_load", "AC loads on the Multi's output.", QuantityKind.Power, (s, v) => s.Config.AcLoadWatts = v, s => s.Config.AcLoadWatts);
        Demand("sun", "What the solar panels offer the solar charger (W, or A).", (s, d) => s.Config.Solar.Available = d, s => s.Config.Solar.Available);
        Demand("alternator", "What the alternator offers the DC-DC charger (A, or W).", (s, d) => s.Config.Dcdc.Available = d, s => s.Config.Dcdc.Available);
        _fixed.Add("dcdc", _fixed["alternator"]);
        Choice("mains", "AC mains at the Multi's input.", OnOff, (s, v) => s.Config.Mains = v == 1, s => s.Config.Mains ? 1 : 0);
        Number("temperature", "Battery temperature.", QuantityKind.Temperature, (s, v) => s.Bank.Temperature = v, s => s.Bank.Temperature);
        Choice("remote", "The remote on/off switch (closed = on).", OnOff, (s, v) => { s.Config.Remote.On = v == 1; s.TouchInputs(); }, s => s.Config.Remote.On ? 1 : 0);
        Choice("multi.switch", "The Multi's front switch: on, off or charger_only.", SwitchWords, (s, v) => s.FrontSwitch = (MultiSwitch)(int)v, s => (int)s.FrontSwitch);
        Number("aux_in", "Voltage on Aux-In (an AC-DC adapter for the GX).", QuantityKind.Voltage, (s, v) => { s.Config.AuxInVoltage = v; s.TouchInputs(); }, s => s.Config.AuxInVoltage);
        Choice("bootloader", "The BMS is stuck in its boot loader.", OnOff, (s, v) => { s.Config.Bootloader = v == 1; s.TouchInputs(); }, s => s.Config.Bootloader ? 1 : 0);
        Choice("bms", "The BMS's VE.Bus cable (unplugged, the BMS is unpowered).", Connection, (s, v) => s.Config.BmsConnected = v == 1, s => s.Config.BmsConnected ? 1 : 0);
        Choice("battery_data", "Battery data reaching the BMS: ok or lost (readings stop).", DataState, (s, v) => s.BatteryDataLost = v == 1, s => s.BatteryDataLost ? 1 : 0);
        Number("bank.soc", "Sets every cell's state of charge (keeping imbalance offsets).", QuantityKind.Percent, (s, v) => s.Bank.SetSoc(v), s => s.Bank.Soc);
        Number("multi.charge_current", "The Multi's maximum charge current.", QuantityKind.Current, (s, v) => s.Config.Multi.ChargeCurrent = v, s => s.Config.Multi.ChargeCurrent);
        Number("multi.reduced_charge_current", "The Multi's charge current when the BMS asks for reduction.", QuantityKind.Current,
            (s, v) => s.Config.Multi.ReducedChargeCurrent = v, s => s.Config.Multi.ReducedChargeCurrent);
        Number("solar.max_current", "The solar charger's rated current.", QuantityKind.Current, (s, v) => s.Config.Solar.MaxCurrent = v, s => s.Config.Solar.MaxCurrent);
        Number("dcdc.max_current", "The DC-DC charger's rated current.", QuantityKind.Current, (s, v) => s.Config.Dcdc.MaxCurrent = v, s => s.Config.Dcdc.MaxCurrent);
    }

    /// <summary>The names of the fixed controls, aliases included (engine inputs and settings come on top, as input.NAME and setting.NAME).</summary>
    public IEnumerable<string> FixedNames => _fixed.Keys;

    /// <summary>Every name, for "did you mean".</summary>
    public IEnumerable<string> Names =>
        _fixed.Keys.Concat(_descriptor.Inputs.Select(i => "input." + i.Name)).Concat(_descriptor.Settings.Select(s => "setting." + s.Name));

    public bool TryGet(string name, out Control control)
    {
        if (_fixed.TryGetValue(name, out control!)) return true;
        if (name.StartsWith("input.", StringComparison.Ordinal)) return TryInput(name.Substring(6), out control);
        if (name.StartsWith("setting.", StringComparison.Ordinal)) return TrySetting(name.Substring(8), out control);
        return false;
    }

    private bool TryInput(string inputName, out Control control)
    {
        control = null!;
        var index = IndexOf(_descriptor.Inputs, inputName);
        if (index < 0) return false;
        var input = _descriptor.Inputs[index];
        var description = $"Engine input {input.Name}, overriding what the physics gives ('auto' gives it back).";
        Action<SystemSimulator, ControlValue> apply = (s, v) =>
        {
            if (v.Release) s.ReleaseInput(index);
            else s.OverrideInput(index, v.Value);
        };
        Func<SystemSimulator, ControlValue> read = s => new ControlValue(s.InputValue(index));
        control = input.Kind switch
        {
            InputKind.Bool => new Control("input." + input.Name, description, ControlType.Choice, apply, read, words: OnOff, canRelease: true),
            InputKind.Sequence => new Control("input." + input.Name, description, ControlType.Plain, apply, read, canRelease: true),
            _ => UnitControl("input." + input.Name, description, input.Unit, apply, read, canRelease: true),
        };
        return true;
    }

    private bool TrySetting(string settingName, out Control control)
    {
        control = null!;
        var index = IndexOf(_descriptor.Settings, settingName);
        if (index < 0) return false;
        var setting = _descriptor.Settings[index];
        var description = $"Engine setting {setting.Name}.";
        Action<SystemSimulator, ControlValue> apply = (s, v) => s.Engine.SetSetting(index, v.Value);
        Func<SystemSimulator, ControlValue> read = s => new ControlValue(s.Engine.GetSetting(index));
        control = setting.IsBool
            ? new Control("setting." + setting.Name, description, ControlType.Choice, apply, read, words: OnOff)
            : UnitControl("setting." + setting.Name, description, setting.Unit, apply, read, canRelease: false);
        return true;
    }

    /// <summary>A number control for an engine unit; the parsed base value is scaled into the engine's unit.</summary>
    public static Control UnitControl(string name, string description, string? unit, Action<SystemSimulator, ControlValue> apply,
        Func<SystemSimulator, ControlValue> read, bool canRelease)
    {
        var (kind, scale) = UnitKind(unit);
        return kind is null
            ? new Control(name, description, ControlType.Plain, apply, read, canRelease: canRelease)
            : new Control(name, description, ControlType.Number, apply, read, kind.Value, scale: scale, canRelease: canRelease);
    }

    /// <summary>The quantity kind of an engine unit and the factor from the base unit to it.</summary>
    public static (QuantityKind? Kind, double Scale) UnitKind(string? unit) => unit switch
    {
        "V" => (QuantityKind.Voltage, 1),
        "mV" => (QuantityKind.Voltage, 1000),
        "A" => (QuantityKind.Current, 1),
        "mA" => (QuantityKind.Current, 1000),
        "°C" => (QuantityKind.Temperature, 1),
        "%" => (QuantityKind.Percent, 100),
        "s" => (QuantityKind.Time, 0.001),
        "ms" => (QuantityKind.Time, 1),
        "Ah" => (QuantityKind.Charge, 1),
        _ => (null, 1),
    };

    private void Demand(string name, string description, Action<SystemSimulator, Demand> set, Func<SystemSimulator, Demand> get) =>
        _fixed.Add(name, new Control(name, description, ControlType.Demand,
            (s, v) => set(s, new Demand(v.Value, v.IsPower)),
            s =>
            {
                var d = get(s);
                return new ControlValue(d.Value, d.IsPower);
            }));

    private void Number(string name, string description, QuantityKind kind, Action<SystemSimulator, double> set, Func<SystemSimulator, double> get) =>
        _fixed.Add(name, new Control(name, description, ControlType.Number, (s, v) => set(s, v.Value), s => new ControlValue(get(s)), kind));

    private void Choice(string name, string description, string[][] words, Action<SystemSimulator, double> set, Func<SystemSimulator, double> get) =>
        _fixed.Add(name, new Control(name, description, ControlType.Choice, (s, v) => set(s, v.Value), s => new ControlValue(get(s)), words: words));

    private static int IndexOf<T>(IReadOnlyList<T> items, string name) where T : SpecEntry
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Name == name) return i;
        }
        return -1;
    }
}
