using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

// The three data types of an engine: readonly inputs, settings with limits, outputs.
internal sealed partial class EngineEmitter
{
    private void InputsStruct()
    {
        _w.Summary($"The inputs of one {_model.DisplayName} step. Numbers outside their valid range (and NaN, ±∞) are treated as invalid, never trusted.");
        _w.Open($"public readonly struct {_names.Inputs}");
        _w.Summary("Creates the inputs.");
        var parameters = new System.Collections.Generic.List<string>();
        foreach (var input in _model.Inputs) parameters.Add($"{Names.InputType(input.Kind)} {CSharp.Camel(input.Name)}");
        _w.Open($"public {_names.Inputs}({string.Join(", ", parameters)})");
        foreach (var input in _model.Inputs) _w.Line($"{input.Name} = {CSharp.Camel(input.Name)};");
        _w.Close();
        foreach (var input in _model.Inputs)
        {
            _w.Line();
            var range = input.Kind == InputKind.Number
                ? $" Valid {Format(input.Min)} … {Format(input.Max)} {input.Unit}."
                : input.Kind == InputKind.Sequence ? $" 0 = no data yet; stale after {input.StaleAfterTimer}." : "";
            _w.Summary($"{input.Doc.Description}{range}");
            _w.Line($"public {Names.InputType(input.Kind)} {input.Name} {{ get; }}");
        }
        _w.Close();
        _w.Line();
    }

    private void SettingsStruct()
    {
        _w.Summary($"Settings of {_model.DisplayName}. Values outside their limits are replaced by the default (and code raised) when applied.");
        _w.Open($"public struct {_names.Settings}");
        foreach (var setting in _model.Settings)
        {
            _w.Summary(setting.Doc.Description ?? setting.Name);
            _w.Line(setting.IsBool ? $"public bool {setting.Name};" : $"public double {setting.Name};");
            if (setting.IsBool) continue;
            _w.Summary($"Lowest allowed {setting.Name} ({setting.Unit}).");
            _w.Line($"public const double {setting.Name}Min = {CSharp.Double(setting.Min)};");
            _w.Summary($"Highest allowed {setting.Name} ({setting.Unit}).");
            _w.Line($"public const double {setting.Name}Max = {CSharp.Double(setting.Max)};");
            _w.Summary($"Default {setting.Name} ({setting.Unit}).");
            _w.Line($"public const double {setting.Name}Default = {CSharp.Double(setting.Default)};");
        }
        _w.Line();
        _w.Summary("The documented defaults.");
        _w.Open($"public static {_names.Settings} Default => new {_names.Settings}");
        foreach (var setting in _model.Settings)
        {
            _w.Line(setting.IsBool ? $"{setting.Name} = {(setting.Default != 0 ? "true" : "false")}," : $"{setting.Name} = {setting.Name}Default,");
        }
        _w.Close(";");
        _w.Close();
        _w.Line();
    }

    private void OutputsStruct()
    {
        _w.Summary($"The result of one {_model.DisplayName} step. The default value is the safe one: every output floating.");
        _w.Open($"public struct {_names.Outputs}");
        for (var m = 0; m < _model.Machines.Count; m++)
        {
            _w.Summary($"State of machine {_model.Machines[m].Name}.");
            _w.Line($"public {_names.StateEnum(m)} {_model.Machines[m].Name} {{ get; internal set; }}");
        }
        for (var b = 0; b < _model.Bands.Count; b++)
        {
            _w.Summary($"Zone of band {_model.Bands[b].Name}.");
            _w.Line($"public {_names.ZoneEnum(b)} {_model.Bands[b].Name} {{ get; internal set; }}");
        }
        foreach (var output in _model.Outputs)
        {
            _w.Summary($"{output.Label ?? output.Name}: high when {output.Text}.");
            _w.Line($"public OutputLevel {output.Name} {{ get; internal set; }}");
        }
        foreach (var flag in _model.Flags)
        {
            _w.Summary($"{flag.Doc.Description} Set when {flag.Text}.");
            _w.Line($"public bool {flag.Name} {{ get; internal set; }}");
        }
        for (var t = 0; t < _model.Tables.Count; t++)
        {
            var table = _model.Tables[t];
            if (table.IsNumeric)
            {
                _w.Summary($"{table.Doc.Description} ({table.Unit})");
                _w.Line($"public double {table.Name} {{ get; internal set; }}");
                continue;
            }
            _w.Summary(table.IsLed ? $"Pattern of LED {table.Label ?? table.Name}." : table.Doc.Description ?? table.Name);
            _w.Line($"public {_names.TableEnum(t)} {table.Name} {{ get; internal set; }}");
            if (!table.IsLed) continue;
            _w.Summary($"Whether LED {table.Label ?? table.Name} is lit at this step's time.");
            _w.Line($"public bool {table.Name}Lit {{ get; internal set; }}");
        }
        _w.Summary("Active codes, bit i = code i in spec order.");
        _w.Line("public ulong ActiveCodes { get; internal set; }");
        _w.Summary("The most severe active code (errors, then alarms, warnings, info; spec order within each).");
        _w.Line($"public {_names.Code} Code {{ get; internal set; }}");
        _w.Summary("Inputs found invalid in this step, bit i = input i.");
        _w.Line("public ulong InvalidInputs { get; internal set; }");
        _w.Close();
        _w.Line();
    }

    private static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
