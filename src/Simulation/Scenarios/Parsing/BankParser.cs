using System.Collections.Generic;
using BmsRules.Simulation;
using YamlDotNet.RepresentationModel;

namespace BmsRules.Simulation.Scenarios.Parsing;

/// <summary>Reads <c>bank:</c> and checks it against the V2's bank limits (V2-16).</summary>
internal static class BankParser
{
    public static readonly string[] Keys =
        { "battery", "batteries", "series", "parallel", "system_voltage", "soc", "temperature", "data_interval", "imbalance", "cell", "balancer", "btv" };

    public static readonly string[] BatteryKeys = { "model", "voltage", "capacity" };
    public static readonly string[] ImbalanceKeys = { "battery", "cell", "soc", "capacity" };
    public static readonly string[] CellKeys = { "resistance", "polarization_resistance", "polarization_time", "self_discharge", "cold_resistance" };
    public static readonly string[] BalancerKeys = { "voltage", "current" };
    public static readonly string[] BtvKeys = { "pre_alarm", "low_cell", "high_cell", "low_temperature", "high_temperature", "hysteresis", "temperature_hysteresis" };

    /// <summary>Fills <paramref name="bank"/> from <paramref name="node"/>; returns false when the bank is unusable.</summary>
    public static bool Read(YamlNode? node, YamlScalarNode? keyNode, BankConfiguration bank, ValueReader r)
    {
        var before = r.Diagnostics.List.Count;
        var locations = new Dictionary<string, YamlNode?>();
        if (node is null)
        {
            // No bank: the default (one Lithium Battery Smart 12.8 V 200 Ah) is fine.
            return true;
        }
        var map = YamlMap.From(node, r.Diagnostics, "bank");
        if (map is null) return false;
        locations[""] = node;

        if (map.KeyNode("battery") is { } batteryKey)
        {
            locations["model"] = locations["voltage"] = locations["capacity"] = batteryKey;
            if (ReadBattery(map.Take("battery"), "bank.battery", r, locations, "") is { } battery) bank.Battery = battery;
        }
        if (map.Take("batteries") is { } listNode)
        {
            locations["batteries"] = listNode;
            if (listNode is YamlSequenceNode list && list.Children.Count > 0)
            {
                var batteries = new List<BatteryType>();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    locations[$"batteries[{i}]"] = list.Children[i];
                    var b = ReadBattery(list.Children[i], $"bank.batteries[{i + 1}]", r, locations, $"batteries[{i}].");
                    if (b is not null) batteries.Add(b);
                }
                if (batteries.Count == list.Children.Count)
                {
                    bank.Batteries = batteries;
                    if (!map.Has("battery")) bank.Battery = batteries[0];
                }
            }
            else
            {
                r.Diagnostics.Add(listNode, "bank.batteries must be a non-empty list of batteries ({ model, voltage, capacity }).");
            }
        }
        locations["series"] = (YamlNode?)map.KeyNode("series") ?? keyNode ?? node;
        locations["parallel"] = (YamlNode?)map.KeyNode("parallel") ?? keyNode ?? node;
        locations["system_voltage"] = map.KeyNode("system_voltage");
        if (r.Integer(map, "series", "bank.series", 1, 1000) is { } series) bank.Series = series;
        if (r.Integer(map, "parallel", "bank.parallel", 1, 1000) is { } parallel) bank.Parallel = parallel;
        if (r.Quantity(map, "system_voltage", QuantityKind.Voltage, "bank.system_voltage") is { } system) bank.SystemVoltage = system;
        if (r.Quantity(map, "soc", QuantityKind.Percent, "bank.soc", 0, 1, "between 0 % and 100 %") is { } soc) bank.InitialSoc = soc;
        if (r.Quantity(map, "temperature", QuantityKind.Temperature, "bank.temperature", -40, 100, "between -40 °C and 100 °C") is { } t) bank.Temperature = t;
        if (r.Quantity(map, "data_interval", QuantityKind.Time, "bank.data_interval", 1, 60_000, "between 1 ms and 60 s") is { } interval) bank.DataIntervalMs = (long)interval;
        ReadCell(map.Take("cell"), bank.Cell, r);
        ReadBalancer(map.Take("balancer"), bank.Balancer, r);
        ReadBtv(map.Take("btv"), bank.Btv, r);
        var imbalanceNode = map.Take("imbalance");
        map.Finish(Keys);
        if (r.Diagnostics.List.Count > before) return false;

        // V2-16: the composition the BMS supports.
        var problems = BankRules.Check(bank);
        foreach (var p in problems)
        {
            locations.TryGetValue(p.Field, out var at);
            r.Diagnostics.Add(at ?? node, $"Invalid bank: {p.Message}");
        }
        if (problems.Count > 0) return false;

        ReadImbalance(imbalanceNode, bank, r);
        return r.Diagnostics.List.Count == before;
    }

    private static BatteryType? ReadBattery(YamlNode? node, string where, ValueReader r, Dictionary<string, YamlNode?> locations, string prefix)
    {
        var map = YamlMap.From(node, r.Diagnostics, where);
        if (map is null) return null;
        var modelNode = map.Take("model");
        var voltageNode = map.Take("voltage");
        var capacityNode = map.Take("capacity");
        map.Finish(BatteryKeys);
        locations[prefix + "model"] = modelNode ?? node;
        locations[prefix + "voltage"] = voltageNode ?? node;
        locations[prefix + "capacity"] = capacityNode ?? node;
        var model = modelNode is null ? BatteryType.LithiumBatterySmart : r.Scalar(modelNode, where + ".model");
        if (model is not null && ValueReader.Normalise(model) == "lithiumbatterysmart") model = BatteryType.LithiumBatterySmart;
        var voltage = voltageNode is null ? BatteryType.Default.NominalVoltage : r.Quantity(voltageNode, QuantityKind.Voltage, where + ".voltage");
        var capacity = capacityNode is null ? BatteryType.Default.CapacityAh : r.Quantity(capacityNode, QuantityKind.Charge, where + ".capacity");
        if (model is null || voltage is null || capacity is null) return null;
        return new BatteryType(model, voltage.Value, capacity.Value);
    }

    private static void ReadImbalance(YamlNode? node, BankConfiguration bank, ValueReader r)
    {
        if (node is null) return;
        if (node is not YamlSequenceNode list)
        {
            r.Diagnostics.Add(node, "bank.imbalance must be a list of { battery, cell, soc, capacity } entries.");
            return;
        }
        foreach (var item in list.Children)
        {
            if (ReadCellRef(item, "bank.imbalance entry", bank, r, ImbalanceKeys, out var map, out var battery, out var cell) && map is not null)
            {
                var soc = r.Quantity(map, "soc", QuantityKind.Percent, "imbalance soc", -1, 1, "between -100 % and +100 %") ?? 0;
                var capacity = r.Quantity(map, "capacity", QuantityKind.Percent, "imbalance capacity", 0.1, 2, "between 10 % and 200 % of the rated capacity") ?? 1;
                map.Finish(ImbalanceKeys);
                bank.Imbalance.Add(new CellImbalance(battery, cell, soc, capacity));
            }
        }
    }

    /// <summary>Reads battery and cell numbers of an entry and checks they exist in the bank.</summary>
    public static bool ReadCellRef(YamlNode item, string where, BankConfiguration bank, ValueReader r, IReadOnlyCollection<string> keys,
        out YamlMap? map, out int battery, out int cell)
    {
        battery = 1;
        cell = 1;
        map = YamlMap.From(item, r.Diagnostics, where);
        if (map is null) return false;
        var cellsPerBattery = bank.Battery.Cells;
        var b = map.Take("battery") is { } bn ? r.Integer(bn, "battery", 1, bank.BatteryCount) : 1;
        var c = map.Take("cell") is { } cn ? r.Integer(cn, "cell", 1, cellsPerBattery) : null;
        if (c is null && !map.Has("cell"))
        {
            r.Diagnostics.Add(item, $"{where} needs 'cell' (1–{cellsPerBattery}).");
        }
        if (b is null || c is null)
        {
            map.Finish(keys);
            return false;
        }
        battery = b.Value;
        cell = c.Value;
        return true;
    }

    private static void ReadCell(YamlNode? node, CellParameters cell, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "bank.cell");
        if (map is null) return;
        if (r.Quantity(map, "resistance", QuantityKind.Resistance, "bank.cell.resistance", 1e-6, 1, "between 1 µΩ and 1 Ω") is { } r0) cell.Resistance = r0;
        if (r.Quantity(map, "polarization_resistance", QuantityKind.Resistance, "bank.cell.polarization_resistance", 0, 1, "between 0 and 1 Ω") is { } r1) cell.PolarizationResistance = r1;
        if (r.Quantity(map, "polarization_time", QuantityKind.Time, "bank.cell.polarization_time", 1, 86_400_000, "between 1 ms and 1 d") is { } tau) cell.PolarizationTimeConstant = tau / 1000;
        if (r.Quantity(map, "self_discharge", QuantityKind.PercentPerMonth, "bank.cell.self_discharge", 0, 1, "between 0 and 100 %/month") is { } sd) cell.SelfDischargePerMonth = sd;
        if (r.Quantity(map, "cold_resistance", QuantityKind.PercentPerDegree, "bank.cell.cold_resistance", 0, 1, "between 0 and 100 %/°C") is { } cr) cell.ColdResistancePerDegree = cr;
        map.Finish(CellKeys);
    }

    private static void ReadBalancer(YamlNode? node, BalancerParameters balancer, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "bank.balancer");
        if (map is null) return;
        if (r.Quantity(map, "voltage", QuantityKind.Voltage, "bank.balancer.voltage", 2, 5, "between 2 V and 5 V") is { } v) balancer.Voltage = v;
        if (r.Quantity(map, "current", QuantityKind.Current, "bank.balancer.current", 0, 100, "between 0 A and 100 A") is { } i) balancer.Current = i;
        map.Finish(BalancerKeys);
    }

    private static void ReadBtv(YamlNode? node, BtvParameters btv, ValueReader r)
    {
        if (node is null) return;
        var map = YamlMap.From(node, r.Diagnostics, "bank.btv");
        if (map is null) return;
        if (r.Quantity(map, "pre_alarm", QuantityKind.Voltage, "bank.btv.pre_alarm") is { } pa) btv.PreAlarm = pa;
        if (r.Quantity(map, "low_cell", QuantityKind.Voltage, "bank.btv.low_cell") is { } lc) btv.LowCell = lc;
        if (r.Quantity(map, "high_cell", QuantityKind.Voltage, "bank.btv.high_cell") is { } hc) btv.HighCell = hc;
        if (r.Quantity(map, "low_temperature", QuantityKind.Temperature, "bank.btv.low_temperature") is { } lt) btv.LowTemperature = lt;
        if (r.Quantity(map, "high_temperature", QuantityKind.Temperature, "bank.btv.high_temperature") is { } ht) btv.HighTemperature = ht;
        if (r.Quantity(map, "hysteresis", QuantityKind.Voltage, "bank.btv.hysteresis") is { } h) btv.VoltageHysteresis = h;
        if (r.Quantity(map, "temperature_hysteresis", QuantityKind.TemperatureDelta, "bank.btv.temperature_hysteresis") is { } th) btv.TemperatureHysteresis = th;
        map.Finish(BtvKeys);
    }
}
