using System.Collections.Generic;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

// Step: the evaluation order of rules.yaml, written out. No allocation, LINQ, closures,
// boxing, strings or exceptions: only locals, fields and static lookup data.
internal sealed partial class EngineEmitter
{
    private void Step()
    {
        _w.Summary("Evaluates one step at monotonic time <paramref name=\"nowMs\"/> (milliseconds). Allocation-free; never throws.");
        _w.Open($"public {_names.Outputs} Step(in {_names.Inputs} inputs, long nowMs)");
        _w.Open("if (!_started)");
        _w.Line("_started = true;");
        foreach (var machine in _model.Machines) _w.Line($"{CSharp.Field(machine.Name)}Since = nowMs;");
        foreach (var table in _model.Tables) if (table.IsLed) _w.Line($"{CSharp.Field(table.Name)}Since = nowMs;");
        _w.Close();
        _w.Line();
        StepInputs();
        StepThresholds();
        StepBands();
        StepSignals();
        StepMachines();
        StepOutputsAndFlags();
        StepTables();
        StepCodes();
        StepPublish();
        _w.Close();
        _w.Line();
    }

    private void StepInputs()
    {
        _w.Line("// 1. Inputs: a number is valid inside its range (NaN and ±∞ never are); a sequence while it keeps changing.");
        for (var i = 0; i < _model.Inputs.Count; i++)
        {
            var input = _model.Inputs[i];
            var valid = Names.ValidLocal(input.Name);
            switch (input.Kind)
            {
                case InputKind.Number:
                    _w.Line($"bool {valid} = inputs.{input.Name} >= {CSharp.Double(input.Min)} && inputs.{input.Name} <= {CSharp.Double(input.Max)};");
                    break;
                case InputKind.Sequence:
                    var field = CSharp.Field(input.Name);
                    _w.Open($"if (inputs.{input.Name} != {field}Last)");
                    _w.Line($"{field}Last = inputs.{input.Name};");
                    _w.Line($"{field}ChangedAt = nowMs;");
                    _w.Close();
                    _w.Line($"bool {valid} = {field}Last != 0u && nowMs - {field}ChangedAt < {CSharp.Long(input.StaleAfterMs)}; // stale after {input.StaleAfterTimer}");
                    break;
            }
        }
        _w.Line("ulong invalidInputs = 0UL;");
        for (var i = 0; i < _model.Inputs.Count; i++)
        {
            if (_model.Inputs[i].Kind == InputKind.Bool) continue;
            _w.Line($"if (!{Names.ValidLocal(_model.Inputs[i].Name)}) invalidInputs |= {Names.Bit(i)};");
        }
        _w.Line();
    }

    private void StepThresholds()
    {
        if (_model.Thresholds.Count == 0) return;
        _w.Line("// 2. Thresholds: trip at once, release only past the hysteresis; an invalid input holds them.");
        foreach (var threshold in _model.Thresholds)
        {
            var input = _model.Inputs[threshold.Input].Name;
            var field = CSharp.Field(threshold.Name);
            _w.Line($"// {threshold.Name}: {input} {threshold.TripText}, release {threshold.ReleaseText} {Trace(threshold.Doc)}");
            _w.Open($"if ({Names.ValidLocal(input)})");
            _w.Line($"if (!{field}) {field} = inputs.{input} {CSharp.Operator(threshold.TripOp)} {field}Trip;");
            _w.Line($"else if (inputs.{input} {CSharp.Operator(threshold.ReleaseOp)} {field}Release) {field} = false;");
            _w.Close();
        }
        _w.Line();
    }

    private void StepBands()
    {
        if (_model.Bands.Count == 0) return;
        _w.Line("// 3. Bands: leaving home is immediate, returning needs the hysteresis; an invalid input holds them.");
        for (var b = 0; b < _model.Bands.Count; b++)
        {
            var band = _model.Bands[b];
            var input = _model.Inputs[band.Input].Name;
            var field = CSharp.Field(band.Name);
            _w.Line($"// {band.Name}: zones of {input} {Trace(band.Doc)}");
            _w.Open($"if ({Names.ValidLocal(input)})");
            _w.Line($"{field} = ({_names.ZoneEnum(b)})NextZone((int){field}, inputs.{input}, s_{CSharp.Camel(band.Name)}Boundaries, {band.Home}, {CSharp.Double(band.Hysteresis)});");
            _w.Close();
        }
        _w.Line();
    }

    private void StepSignals()
    {
        if (_model.Signals.Count == 0) return;
        _w.Line("// 4. Signals, in spec order.");
        foreach (var signal in _model.Signals)
        {
            _w.Line($"{CSharp.Field(signal.Name)} = {_expressions.Emit(signal.When)}; // {signal.WhenText} {Trace(signal.Doc)}");
        }
        _w.Line();
    }

    private void StepMachines()
    {
        for (var m = 0; m < _model.Machines.Count; m++)
        {
            var machine = _model.Machines[m];
            var field = CSharp.Field(machine.Name);
            _w.Line($"// 5.{m + 1} Machine {machine.Name}: at most one transition per step; the first whose guard holds fires. {Trace(machine.Doc)}");
            _w.Open($"switch ({field})");
            for (var s = 0; s < machine.States.Count; s++)
            {
                var transitions = new List<ETransition>();
                foreach (var transition in machine.Transitions) if (transition.From.Contains(s)) transitions.Add(transition);
                if (transitions.Count == 0) continue;
                _w.Line($"case {_names.StateEnum(m)}.{machine.States[s].Name}:");
                _w.Indent();
                for (var t = 0; t < transitions.Count; t++)
                {
                    var transition = transitions[t];
                    var guard = _expressions.Emit(transition.When);
                    if (transition.Timer >= 0)
                    {
                        var timer = _model.Timers[transition.Timer];
                        guard = $"({guard}) && nowMs - {field}Since >= {CSharp.Long(timer.Milliseconds)}";
                    }
                    _w.Line($"// {transition.Trigger}: {transition.WhenText}{(transition.Timer >= 0 ? " after " + _model.Timers[transition.Timer].Name : "")} {Trace(transition.Doc)}");
                    _w.Open($"{(t == 0 ? "if" : "else if")} ({guard})");
                    _w.Line($"{field} = {_names.StateEnum(m)}.{machine.States[transition.To].Name};");
                    _w.Line($"{field}Since = nowMs;");
                    _w.Line($"{field}Trigger = {_names.TriggerEnum(m)}.{transition.Trigger};");
                    _w.Close();
                }
                _w.Line("break;");
                _w.Unindent();
            }
            _w.Close();
            _w.Line();
        }
    }

    private void StepOutputsAndFlags()
    {
        _w.Line("// 6. Outputs (high or floating) and flags, in spec order.");
        foreach (var output in _model.Outputs)
        {
            _w.Line($"{CSharp.Field(output.Name)} = {_expressions.Emit(output.HighWhen)}; // {output.Text} {Trace(output.Doc)}");
        }
        foreach (var flag in _model.Flags)
        {
            _w.Line($"{CSharp.Field(flag.Name)} = {_expressions.Emit(flag.When)}; // {flag.Text} {Trace(flag.Doc)}");
        }
        _w.Line();
    }

    private void StepTables()
    {
        if (_model.Tables.Count == 0) return;
        _w.Line("// 7. Truth tables and LEDs: the column conditions index a complete, precomputed table.");
        foreach (var table in _model.Tables)
        {
            var field = CSharp.Field(table.Name);
            var bits = new List<string>();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                bits.Add($"({_expressions.Emit(column.When)} ? {1 << c} : 0)");
            }
            var index = bits.Count == 0 ? "0" : string.Join(" | ", bits);
            _w.Line($"byte {CSharp.Camel(table.Name)}Now = {table.Name}Lookup[{index}]; // {(table.IsLed ? "LED" : "table")} {table.Name} {Trace(table.Doc)}");
            if (table.IsLed)
            {
                _w.Open($"if ({CSharp.Camel(table.Name)}Now != {field})");
                _w.Line($"{field} = {CSharp.Camel(table.Name)}Now;");
                _w.Line($"{field}Since = nowMs;");
                _w.Close();
            }
            else
            {
                _w.Line($"{field} = {CSharp.Camel(table.Name)}Now;");
            }
        }
        _w.Line();
    }

    private void StepCodes()
    {
        _w.Line("// 8. Codes: each code's condition, or an invalid input/setting that names it (while required).");
        _w.Line("ulong codes = 0UL;");
        for (var c = 0; c < _model.Codes.Count; c++)
        {
            var code = _model.Codes[c];
            var causes = new List<string>();
            if (code.When is not null) causes.Add(_expressions.Emit(code.When));
            for (var i = 0; i < _model.Inputs.Count; i++)
            {
                var input = _model.Inputs[i];
                if (input.InvalidCode != c) continue;
                var required = _expressions.Emit(input.RequiredWhen);
                var invalid = "!" + Names.ValidLocal(input.Name);
                causes.Add(required == "true" ? invalid : $"({invalid} && ({required}))");
            }
            for (var s = 0; s < _model.Settings.Count; s++)
            {
                if (_model.Settings[s].InvalidCode == c) causes.Add($"(_invalidSettings & {Names.Bit(s)}) != 0UL");
            }
            if (causes.Count == 0) continue;
            _w.Line($"if ({string.Join(" || ", WrapEach(causes))}) codes |= {Names.Bit(c)}; // {code.Id} {code.Name} {Trace(code.Doc)}");
        }
        _w.Line($"{_names.Code} primary = {_names.Code}.None;");
        var first = true;
        foreach (var severity in new[] { CodeSeverity.Error, CodeSeverity.Alarm, CodeSeverity.Warning, CodeSeverity.Info })
        {
            for (var c = 0; c < _model.Codes.Count; c++)
            {
                if (_model.Codes[c].Severity != severity) continue;
                _w.Line($"{(first ? "if" : "else if")} ((codes & {Names.Bit(c)}) != 0UL) primary = {_names.Code}.{_model.Codes[c].Name};");
                first = false;
            }
        }
        _w.Line();
    }

    /// <summary>The rule's trace marker (spec line, module, catalogue ids).</summary>
    private string Trace(EDoc doc) => TraceMarker.Of(_model.SpecPath, doc.Trace);

    private static IEnumerable<string> WrapEach(List<string> causes)
    {
        foreach (var cause in causes) yield return causes.Count == 1 ? cause : "(" + cause + ")";
    }

    private void StepPublish()
    {
        _w.Open($"_outputs = new {_names.Outputs}");
        for (var m = 0; m < _model.Machines.Count; m++) _w.Line($"{_model.Machines[m].Name} = {CSharp.Field(_model.Machines[m].Name)},");
        foreach (var band in _model.Bands) _w.Line($"{band.Name} = {CSharp.Field(band.Name)},");
        foreach (var output in _model.Outputs) _w.Line($"{output.Name} = {CSharp.Field(output.Name)} ? OutputLevel.High : OutputLevel.Floating,");
        foreach (var flag in _model.Flags) _w.Line($"{flag.Name} = {CSharp.Field(flag.Name)},");
        for (var t = 0; t < _model.Tables.Count; t++)
        {
            var table = _model.Tables[t];
            var field = CSharp.Field(table.Name);
            if (table.IsNumeric)
            {
                _w.Line($"{table.Name} = s_{CSharp.Camel(table.Name)}Values[{field}],");
                continue;
            }
            _w.Line($"{table.Name} = ({_names.TableEnum(t)}){field},");
            if (table.IsLed) _w.Line($"{table.Name}Lit = {table.Name}IsLit(nowMs),");
        }
        _w.Line("ActiveCodes = codes,");
        _w.Line("Code = primary,");
        _w.Line("InvalidInputs = invalidInputs,");
        _w.Close(";");
        _w.Line("return _outputs;");
    }
}
