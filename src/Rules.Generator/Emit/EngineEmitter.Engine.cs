using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

// The engine class: its state, construction, settings and reset. Step is in EngineEmitter.Step.cs,
// the IRuleEngine view in EngineEmitter.Vector.cs, introspection in EngineEmitter.Descriptor.cs.
internal sealed partial class EngineEmitter
{
    private void EngineClass()
    {
        _w.Summary($"The {_model.DisplayName} rule engine, generated from {_model.SpecPath}. Step allocates nothing.");
        _w.Open($"public sealed partial class {_names.Engine} : IRuleEngine");
        Fields();
        Construction();
        Configure();
        Reset();
        Step();
        Helpers();
        VectorApi();
        Descriptor();
        _w.Close();
    }

    private void Fields()
    {
        _w.Line($"private {_names.Settings} _settings;");
        _w.Line($"private {_names.Settings} _requested;");
        _w.Line("private ulong _invalidSettings;");
        _w.Line($"private {_names.Outputs} _outputs;");
        _w.Line("private bool _started;");
        _w.Line($"private readonly double[] _vector = new double[{_model.Inputs.Count}];");
        foreach (var input in _model.Inputs)
        {
            if (input.Kind != InputKind.Sequence) continue;
            _w.Line($"private uint {CSharp.Field(input.Name)}Last;");
            _w.Line($"private long {CSharp.Field(input.Name)}ChangedAt;");
        }
        foreach (var threshold in _model.Thresholds)
        {
            _w.Line($"private bool {CSharp.Field(threshold.Name)};");
            _w.Line($"private double {CSharp.Field(threshold.Name)}Trip;");
            _w.Line($"private double {CSharp.Field(threshold.Name)}Release;");
        }
        for (var b = 0; b < _model.Bands.Count; b++)
        {
            var band = _model.Bands[b];
            _w.Line($"private {_names.ZoneEnum(b)} {CSharp.Field(band.Name)};");
            var boundaries = new System.Collections.Generic.List<string>();
            foreach (var boundary in band.Boundaries) boundaries.Add(CSharp.Double(boundary));
            _w.Line($"private static readonly double[] s_{CSharp.Camel(band.Name)}Boundaries = {{ {string.Join(", ", boundaries)} }};");
        }
        foreach (var signal in _model.Signals) _w.Line($"private bool {CSharp.Field(signal.Name)};");
        for (var m = 0; m < _model.Machines.Count; m++)
        {
            var field = CSharp.Field(_model.Machines[m].Name);
            _w.Line($"private {_names.StateEnum(m)} {field};");
            _w.Line($"private long {field}Since;");
            _w.Line($"private {_names.TriggerEnum(m)} {field}Trigger;");
        }
        foreach (var output in _model.Outputs) _w.Line($"private bool {CSharp.Field(output.Name)};");
        foreach (var flag in _model.Flags) _w.Line($"private bool {CSharp.Field(flag.Name)};");
        foreach (var table in _model.Tables)
        {
            _w.Line($"private byte {CSharp.Field(table.Name)};");
            if (table.IsLed) _w.Line($"private long {CSharp.Field(table.Name)}Since;");
            if (table.IsNumeric)
            {
                var values = new System.Collections.Generic.List<string>();
                foreach (var value in table.NumericValues) values.Add(CSharp.Double(value));
                _w.Line($"private static readonly double[] s_{CSharp.Camel(table.Name)}Values = {{ {string.Join(", ", values)} }};");
            }
        }
        _w.Line();
    }

    private void Construction()
    {
        _w.Summary("Creates an engine with the default settings, in its power-up state.");
        _w.Line($"public {_names.Engine}() : this({_names.Settings}.Default) {{ }}");
        _w.Line();
        _w.Summary("Creates an engine with <paramref name=\"settings\"/>, in its power-up state.");
        _w.Open($"public {_names.Engine}(in {_names.Settings} settings)");
        _w.Line("Configure(settings);");
        _w.Line("Reset();");
        _w.Close();
        _w.Line();
        _w.Summary("The settings in force (out-of-range values already replaced by defaults).");
        _w.Line($"public {_names.Settings} Settings => _settings;");
        _w.Line();
        _w.Summary("The outputs of the last step (all floating before the first).");
        _w.Line($"public {_names.Outputs} Outputs => _outputs;");
        _w.Line();
    }

    private void Configure()
    {
        _w.Summary("Applies settings. Each value outside its limits is replaced by its default and marked invalid (its code is raised).");
        _w.Open($"public void Configure(in {_names.Settings} settings)");
        _w.Line("_requested = settings;");
        _w.Line("var effective = settings;");
        _w.Line("ulong invalid = 0UL;");
        for (var s = 0; s < _model.Settings.Count; s++)
        {
            var setting = _model.Settings[s];
            if (setting.IsBool) continue;
            _w.Open($"if (!(settings.{setting.Name} >= {_names.Settings}.{setting.Name}Min && settings.{setting.Name} <= {_names.Settings}.{setting.Name}Max))");
            _w.Line($"effective.{setting.Name} = {_names.Settings}.{setting.Name}Default;");
            _w.Line($"invalid |= {Names.Bit(s)};");
            _w.Close();
        }
        _w.Line("_settings = effective;");
        _w.Line("_invalidSettings = invalid;");
        foreach (var threshold in _model.Thresholds)
        {
            _w.Line($"{CSharp.Field(threshold.Name)}Trip = {Level(threshold.Trip)};");
            _w.Line($"{CSharp.Field(threshold.Name)}Release = {Level(threshold.Release)};");
        }
        _w.Close();
        _w.Line();
    }

    private string Level(ELevel level)
    {
        var value = level.Setting < 0
            ? CSharp.Double(level.Constant)
            : level.SettingFactor == 1.0
                ? $"_settings.{_model.Settings[level.Setting].Name}"
                : $"_settings.{_model.Settings[level.Setting].Name} * {CSharp.Double(level.SettingFactor)}";
        return level.Offset == 0 ? value : $"{value} + {CSharp.Double(level.Offset)}";
    }

    private void Reset()
    {
        _w.Summary("Returns to the power-up state: initial states, thresholds released, no data seen, every output floating.");
        _w.Open("public void Reset()");
        _w.Line("_started = false;");
        for (var i = 0; i < _model.Inputs.Count; i++)
        {
            _w.Line($"_vector[{i}] = {(_model.Inputs[i].Kind == InputKind.Number ? "double.NaN" : "0d")};");
        }
        foreach (var input in _model.Inputs)
        {
            if (input.Kind != InputKind.Sequence) continue;
            _w.Line($"{CSharp.Field(input.Name)}Last = 0u;");
            _w.Line($"{CSharp.Field(input.Name)}ChangedAt = 0L;");
        }
        foreach (var threshold in _model.Thresholds) _w.Line($"{CSharp.Field(threshold.Name)} = false;");
        for (var b = 0; b < _model.Bands.Count; b++)
        {
            var band = _model.Bands[b];
            _w.Line($"{CSharp.Field(band.Name)} = {_names.ZoneEnum(b)}.{band.Zones[band.Home]};");
        }
        foreach (var signal in _model.Signals) _w.Line($"{CSharp.Field(signal.Name)} = false;");
        for (var m = 0; m < _model.Machines.Count; m++)
        {
            var machine = _model.Machines[m];
            var field = CSharp.Field(machine.Name);
            _w.Line($"{field} = {_names.StateEnum(m)}.{machine.States[machine.Initial].Name};");
            _w.Line($"{field}Since = 0L;");
            _w.Line($"{field}Trigger = {_names.TriggerEnum(m)}.None;");
        }
        foreach (var output in _model.Outputs) _w.Line($"{CSharp.Field(output.Name)} = false;");
        foreach (var flag in _model.Flags) _w.Line($"{CSharp.Field(flag.Name)} = false;");
        foreach (var table in _model.Tables)
        {
            _w.Line($"{CSharp.Field(table.Name)} = 0;");
            if (table.IsLed) _w.Line($"{CSharp.Field(table.Name)}Since = 0L;");
        }
        _w.Open($"_outputs = new {_names.Outputs}");
        for (var m = 0; m < _model.Machines.Count; m++) _w.Line($"{_model.Machines[m].Name} = {CSharp.Field(_model.Machines[m].Name)},");
        for (var b = 0; b < _model.Bands.Count; b++) _w.Line($"{_model.Bands[b].Name} = {CSharp.Field(_model.Bands[b].Name)},");
        _w.Close(";");
        _w.Close();
        _w.Line();
    }

    private void Helpers()
    {
        TableHelpers();
        if (_model.Bands.Count == 0) return;
        _w.Summary("Zone of <paramref name=\"x\"/>: the number of boundaries at or below it (zones are [from, to)).");
        _w.Open("private static int ZoneOf(double x, double[] boundaries)");
        _w.Line("var zone = 0;");
        _w.Line("while (zone < boundaries.Length && x >= boundaries[zone]) zone++;");
        _w.Line("return zone;");
        _w.Close();
        _w.Line();
        _w.Summary("Band semantics: leaving home, moving further out or crossing to the other side is immediate; moving toward home needs the value to be the hysteresis past the boundary.");
        _w.Open("private static int NextZone(int current, double x, double[] boundaries, int home, double hysteresis)");
        _w.Line("var raw = ZoneOf(x, boundaries);");
        _w.Line("var towardHome = (current > home && raw < current && raw >= home) || (current < home && raw > current && raw <= home);");
        _w.Line("if (!towardHome) return raw;");
        _w.Line("return current > home");
        _w.Line("    ? System.Math.Max(raw, System.Math.Min(current, ZoneOf(x + hysteresis, boundaries)))");
        _w.Line("    : System.Math.Min(raw, System.Math.Max(current, ZoneOf(x - hysteresis, boundaries)));");
        _w.Close();
        _w.Line();
    }

    private void TableHelpers()
    {
        foreach (var table in _model.Tables)
        {
            var entries = new System.Collections.Generic.List<string>();
            foreach (var entry in table.Lookup) entries.Add(entry.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _w.Summary($"Truth table {table.Name}: entry i is the value for the column combination i (bit c = column c).");
            _w.Line($"private static System.ReadOnlySpan<byte> {table.Name}Lookup => new byte[] {{ {string.Join(", ", entries)} }};");
            _w.Line();
            if (!table.IsLed) continue;
            _w.Summary($"Whether LED {table.Name} is lit at <paramref name=\"nowMs\"/>: blink phase counts from when its pattern began.");
            _w.Open($"private bool {table.Name}IsLit(long nowMs) => {CSharp.Field(table.Name)} switch");
            for (var p = 0; p < table.Patterns.Count; p++)
            {
                var pattern = table.Patterns[p];
                var lit = pattern.PeriodMs == 0
                    ? (pattern.Lit ? "true" : "false")
                    : $"(nowMs - {CSharp.Field(table.Name)}Since) % {CSharp.Long(pattern.PeriodMs)} < {CSharp.Long(pattern.OnMs)}";
                _w.Line($"{p} => {lit}, // {pattern.Name}");
            }
            _w.Line("_ => false,");
            _w.Close(";");
            _w.Line();
        }
    }
}
