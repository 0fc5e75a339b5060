using System.Collections.Generic;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

// The IRuleEngine view: index-based access to the same state, for product-independent code.
internal sealed partial class EngineEmitter
{
    private void VectorApi()
    {
        _w.Line("/// <inheritdoc/>");
        _w.Line("public EngineDescriptor Descriptor => Info;");
        _w.Line();

        _w.Line("/// <inheritdoc/>");
        _w.Open("public void SetInput(int index, double value)");
        _w.Line($"if ((uint)index >= {_model.Inputs.Count}u) throw new System.ArgumentOutOfRangeException(nameof(index), index, \"{_model.ProductId} has {_model.Inputs.Count} inputs.\");");
        _w.Line("_vector[index] = value;");
        _w.Close();
        _w.Line();

        _w.Line("/// <inheritdoc/>");
        _w.Open("public void Step(long nowMs)");
        var args = new List<string>();
        for (var i = 0; i < _model.Inputs.Count; i++)
        {
            args.Add(_model.Inputs[i].Kind switch
            {
                InputKind.Number => $"_vector[{i}]",
                InputKind.Bool => $"_vector[{i}] != 0d && !double.IsNaN(_vector[{i}])",
                _ => $"_vector[{i}] >= 0d && _vector[{i}] <= uint.MaxValue ? (uint)_vector[{i}] : 0u",
            });
        }
        _w.Line($"var inputs = new {_names.Inputs}({(args.Count == 0 ? ");" : "")}");
        _w.Indent();
        for (var i = 0; i < args.Count; i++) _w.Line(args[i] + (i == args.Count - 1 ? ");" : ","));
        _w.Unindent();
        _w.Line("Step(inputs, nowMs);");
        _w.Close();
        _w.Line();

        _w.Line("/// <inheritdoc/>");
        _w.Open("public void SetSetting(int index, double value)");
        _w.Line("var settings = _requested;");
        _w.Open("switch (index)");
        for (var s = 0; s < _model.Settings.Count; s++)
        {
            var setting = _model.Settings[s];
            _w.Line(setting.IsBool
                ? $"case {s}: settings.{setting.Name} = value != 0d && !double.IsNaN(value); break;"
                : $"case {s}: settings.{setting.Name} = value; break;");
        }
        _w.Line($"default: throw new System.ArgumentOutOfRangeException(nameof(index), index, \"{_model.ProductId} has {_model.Settings.Count} settings.\");");
        _w.Close();
        _w.Line("Configure(settings);");
        _w.Close();
        _w.Line();

        Getter("double GetSetting(int index)", "settings", Each(_model.Settings, s => s.IsBool ? $"_settings.{s.Name} ? 1d : 0d" : $"_settings.{s.Name}"));
        Getter("OutputLevel GetOutput(int index)", "outputs", Each(_model.Outputs, o => $"_outputs.{o.Name}"));
        Getter("bool GetFlag(int index)", "flags", Each(_model.Flags, f => CSharp.Field(f.Name)));
        var conditions = Each(_model.Thresholds, t => CSharp.Field(t.Name));
        conditions.AddRange(Each(_model.Signals, s => CSharp.Field(s.Name)));
        Getter("bool GetCondition(int index)", "conditions", conditions);
        Getter("int GetZone(int index)", "bands", Each(_model.Bands, b => $"(int){CSharp.Field(b.Name)}"));
        Getter("int GetState(int index)", "machines", Each(_model.Machines, m => $"(int){CSharp.Field(m.Name)}"));
        Getter("int GetLastTrigger(int index)", "machines", Each(_model.Machines, m => $"(int){CSharp.Field(m.Name)}Trigger - 1"));
        Getter("long GetStateSince(int index)", "machines", Each(_model.Machines, m => $"{CSharp.Field(m.Name)}Since"));
        Getter("int GetTableValue(int index)", "tables", Each(_model.Tables, t => CSharp.Field(t.Name)));
        Getter("double GetTableNumber(int index)", "tables",
            Each(_model.Tables, t => t.IsNumeric ? $"s_{CSharp.Camel(t.Name)}Values[{CSharp.Field(t.Name)}]" : CSharp.Field(t.Name)));
        Getter("bool IsLedLit(int index)", "tables", Each(_model.Tables, t => t.IsLed ? $"_outputs.{t.Name}Lit" : "false"));

        _w.Line("/// <inheritdoc/>");
        _w.Line("public ulong ActiveCodes => _outputs.ActiveCodes;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public int PrimaryCode => (int)_outputs.Code;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public ulong InvalidInputs => _outputs.InvalidInputs;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public ulong InvalidSettings => _invalidSettings;");
        _w.Line();
    }

    private static List<string> Each<T>(Helpers.EquatableArray<T> items, System.Func<T, string> value) where T : System.IEquatable<T>
    {
        var result = new List<string>();
        foreach (var item in items) result.Add(value(item));
        return result;
    }

    /// <summary>An index switch; an index out of range is a programming error and throws (never from Step).</summary>
    private void Getter(string signature, string what, List<string> values)
    {
        _w.Line("/// <inheritdoc/>");
        _w.Open($"public {signature} => index switch");
        for (var i = 0; i < values.Count; i++) _w.Line($"{i} => {values[i]},");
        _w.Line($"_ => throw new System.ArgumentOutOfRangeException(nameof(index), index, \"{_model.ProductId} has {values.Count} {what}.\"),");
        _w.Close(";");
        _w.Line();
    }
}
