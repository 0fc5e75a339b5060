using System.Collections.Generic;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

// Introspection data: everything the spec declares, with descriptions and provenance, built once.
internal sealed partial class EngineEmitter
{
    private void Descriptor()
    {
        _w.Summary($"What this engine declares: inputs, settings, conditions, machines (states, triggers, guards), outputs, tables and codes of {_model.DisplayName}.");
        _w.Line("public static EngineDescriptor Info { get; } = CreateInfo();");
        _w.Line();
        _w.Open("private static EngineDescriptor CreateInfo()");
        _w.Line($"return new EngineDescriptor({CSharp.String(_model.ProductId)}, {CSharp.String(_model.DisplayName)}, {CSharp.String(_model.Description)}, {CSharp.String(_model.SpecPath)},");
        _w.Indent();

        Array("InputDescriptor", _model.Inputs, i =>
            $"new InputDescriptor({S(i.Name)}, InputKind.{i.Kind}, {S(i.Unit)}, {CSharp.Double(i.Min)}, {CSharp.Double(i.Max)}, " +
            $"{S(i.InvalidCode >= 0 ? _model.Codes[i.InvalidCode].Id : null)}, {S(i.RequiredWhenText)}, {S(i.Doc.Description)}, {S(i.Doc.Provenance)})");
        Array("SettingDescriptor", _model.Settings, s =>
            $"new SettingDescriptor({S(s.Name)}, {(s.IsBool ? "true" : "false")}, {S(s.Unit)}, {CSharp.Double(s.Default)}, {CSharp.Double(s.Min)}, {CSharp.Double(s.Max)}, {S(s.Doc.Description)}, {S(s.Doc.Provenance)})");
        Array("TimerDescriptor", _model.Timers, t =>
            $"new TimerDescriptor({S(t.Name)}, {CSharp.Long(t.Milliseconds)}, {S(t.Doc.Description)}, {S(t.Doc.Provenance)})");

        var conditions = new List<string>();
        foreach (var t in _model.Thresholds)
        {
            var definition = $"{_model.Inputs[t.Input].Name} {t.TripText}, release {t.ReleaseText}";
            conditions.Add($"new ConditionDescriptor({S(t.Name)}, ConditionKind.Threshold, {S(definition)}, {S(t.Doc.Description)}, {S(t.Doc.Provenance)})");
        }
        foreach (var s in _model.Signals)
        {
            conditions.Add($"new ConditionDescriptor({S(s.Name)}, ConditionKind.Signal, {S(s.WhenText)}, {S(s.Doc.Description)}, {S(s.Doc.Provenance)})");
        }
        Lines("ConditionDescriptor", conditions);

        Array("BandDescriptor", _model.Bands, b =>
            $"new BandDescriptor({S(b.Name)}, {S(_model.Inputs[b.Input].Name)}, {Strings(b.Zones)}, new double[] {{ {Join(b.Boundaries, CSharp.Double)} }}, {b.Home}, {CSharp.Double(b.Hysteresis)}, {S(b.Doc.Description)}, {S(b.Doc.Provenance)})");

        var machines = new List<string>();
        foreach (var machine in _model.Machines) machines.Add(MachineInfo(machine));
        Lines("MachineInfo", machines);

        Array("OutputDescriptor", _model.Outputs, o =>
            $"new OutputDescriptor({S(o.Name)}, {S(o.Label)}, {S(o.Text)}, {S(o.Doc.Description)}, {S(o.Doc.Provenance)})");
        Array("FlagDescriptor", _model.Flags, f =>
            $"new FlagDescriptor({S(f.Name)}, {S(f.Text)}, {S(f.Doc.Description)}, {S(f.Doc.Provenance)})");
        Array("TableDescriptor", _model.Tables, t =>
        {
            var values = new List<string>();
            if (t.IsNumeric) foreach (var v in t.NumericValues) values.Add(v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " " + t.Unit);
            else foreach (var v in t.ValueNames) values.Add(v);
            var columns = new List<string>();
            foreach (var c in t.Columns) columns.Add($"new ColumnDescriptor({S(c.Name)}, {S(c.Text)})");
            var patterns = new List<string>();
            foreach (var p in t.Patterns) patterns.Add($"new LedPatternDescriptor({S(p.Name)}, {CSharp.Long(p.PeriodMs)}, {CSharp.Long(p.OnMs)}, {(p.Lit ? "true" : "false")})");
            var patternArgument = t.IsLed ? $", new LedPatternDescriptor[] {{ {string.Join(", ", patterns)} }}" : "";
            return $"new TableDescriptor({S(t.Name)}, {(t.IsLed ? "true" : "false")}, {S(t.Label)}, {S(t.Colour)}, {S(t.Unit)}, {Strings(values)}, " +
                   $"new ColumnDescriptor[] {{ {string.Join(", ", columns)} }}, {t.Name}Lookup.ToArray(), {S(t.Doc.Description)}, {S(t.Doc.Provenance)}{patternArgument})";
        });
        Array("CodeDescriptor", _model.Codes, c =>
            $"new CodeDescriptor({S(c.Id)}, {S(c.Name)}, CodeSeverity.{c.Severity}, {S(c.Text)}, {S(c.WhenText)}, {S(c.Doc.Provenance)})");
        var board = _model.Board is null ? "" : $",\n{BoardEmitter.ClassName(_model.ProductId)}.Info";
        foreach (var part in (VeBusLayout() + board + ");").Split('\n')) _w.Line(part);

        _w.Unindent();
        _w.Close();
        _w.Line();
    }

    private string VeBusLayout()
    {
        var v = _model.VeBus;
        if (v is null) return "null";
        var fields = new List<string>();
        foreach (var f in v.Fields) fields.Add($"new VeBusField({S(f.Name)}, {f.Flag}, {f.Value}L, {f.Byte}, {f.Bit}, {f.Bytes})");
        return $"new VeBusLayout({(v.Provisional ? "true" : "false")}, {S(v.Description)}, 0x{v.AddressHigh:X2}, 0x{v.AddressLow:X2}, 0x{v.Command:X2}, " +
               $"{v.SendWhenFlag}, {v.LowPowerFlag}, {CSharp.Long(v.NormalIntervalMs)}, {CSharp.Long(v.LowPowerIntervalMs)}, {v.PayloadLength},\n" +
               $"    new VeBusField[] {{ {string.Join(", ", fields)} }},\n    {S(v.Doc.Provenance)})";
    }

    private string MachineInfo(EMachine machine)
    {
        var names = new List<string>();
        var descriptions = new List<string>();
        foreach (var state in machine.States)
        {
            names.Add(state.Name);
            descriptions.Add(S(state.Description));
        }
        var triggers = Triggers(machine);
        var transitions = new List<string>();
        foreach (var transition in machine.Transitions)
        {
            foreach (var from in transition.From)
            {
                var timer = transition.Timer >= 0 ? _model.Timers[transition.Timer] : null;
                transitions.Add($"new TransitionInfo.Definition({triggers.IndexOf(transition.Trigger)}, {from}, {transition.To}, {S(transition.WhenText)}, " +
                                $"{S(timer?.Name)}, {CSharp.Long(timer?.Milliseconds ?? 0)}, {S(transition.Doc.Description)}, {S(transition.Doc.Provenance)})");
            }
        }
        // Transitions are listed per source state in the order Step checks them.
        var ordered = new List<string>();
        for (var s = 0; s < machine.States.Count; s++)
        {
            var k = 0;
            foreach (var transition in machine.Transitions)
            {
                foreach (var from in transition.From)
                {
                    if (from == s) ordered.Add(transitions[k]);
                    k++;
                }
            }
        }
        return $"new MachineInfo({S(machine.Name)}, {S(machine.Doc.Description)}, {S(machine.Doc.Provenance)}, {Strings(names)}, " +
               $"new string?[] {{ {string.Join(", ", descriptions)} }}, {machine.Initial}, {Strings(triggers)},\n" +
               $"    new TransitionInfo.Definition[]\n    {{\n        {string.Join(",\n        ", ordered)},\n    }})";
    }

    private void Array<T>(string type, Helpers.EquatableArray<T> items, System.Func<T, string> create) where T : System.IEquatable<T>
    {
        var lines = new List<string>();
        foreach (var item in items) lines.Add(create(item));
        Lines(type, lines);
    }

    private void Lines(string type, List<string> lines)
    {
        _w.Line($"new {type}[]");
        _w.Line("{");
        _w.Indent();
        foreach (var line in lines)
        {
            foreach (var part in (line + ",").Split('\n')) _w.Line(part);
        }
        _w.Unindent();
        _w.Line("},");
    }

    private static string S(string? value) => CSharp.String(value);

    private static string Strings(IEnumerable<string> values)
    {
        var quoted = new List<string>();
        foreach (var value in values) quoted.Add(CSharp.String(value));
        return $"new string[] {{ {string.Join(", ", quoted)} }}";
    }

    private static string Join(IEnumerable<double> values, System.Func<double, string> format)
    {
        var parts = new List<string>();
        foreach (var value in values) parts.Add(format(value));
        return string.Join(", ", parts);
    }
}
