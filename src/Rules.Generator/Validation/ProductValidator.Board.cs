using System.Collections.Generic;
using System.Globalization;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// The board section: input modes, what feeds every engine input, the MultiOn rule, control period,
// watchdog, ADC, fail-safe conversions and frame rules. Each decision must say why (BMS011); the
// rules between them are BMS040–BMS045.
internal sealed partial class ProductValidator
{
    private static readonly string[] BindKinds = { "adc", "opto", "vebus", "battery-monitor", "constant" };
    private static readonly string[] BindRuntimeKinds = { "Adc", "Opto", "VeBus", "BatteryMonitor", "Constant" };

    // The conversions the board runtime applies, with what the engine then reads. The spec must state each.
    private static readonly (string Kind, string Runtime, string Reads)[] FailSafeKinds =
    {
        ("sensor-exception", "SensorException", "NaN"),
        ("adc-scan-failed", "AdcScanFailed", "NaN"),
        ("adc-full-scale", "AdcFullScale", "NaN"),
        ("bool-nan", "BoolNaN", "false"),
    };

    // The F7's independent watchdog: 12-bit reload at /256 from the 32 kHz LSI, so at most 32.767 s; the LSI may
    // run at up to 47 kHz, so a nominal timeout can elapse after 32/47 of it.
    private const long MaxWatchdogTimeoutMs = 32_767;

    private EBoard? Board(EquatableArray<ESetting> settings)
    {
        var spec = _product.Board;
        if (spec is null) return null;

        var modes = BoardModes(spec, settings);
        var modeNames = new List<string>();
        foreach (var mode in modes) modeNames.Add(mode.Name);
        var adc = BoardAdc(spec);
        var inputs = BoardInputs(spec, modeNames, adc);
        var multiOn = BoardMultiOn(spec);
        var period = BoardControl(spec);
        var watchdog = BoardWatchdog(spec, period);
        var failSafe = BoardFailSafe(spec);
        var sendOnChange = BoardFrames(spec);

        return new EBoard(spec.Name?.Text ?? _product.Name, spec.Description?.Trim(), modes.ToEquatableArray(), inputs.ToEquatableArray(),
            multiOn.Input, multiOn.WithinMs, NoteDoc(spec.MultiOn?.Note),
            period, NoteDoc(spec.Control?.Note),
            watchdog.TimeoutMs, watchdog.ResetMs, watchdog.StallMs, watchdog.WarmUpMs, NoteDoc(spec.Watchdog?.Note),
            adc.Bits, adc.ReferenceVolts, adc.MarginCounts, NoteDoc(spec.Adc?.Note),
            failSafe.ToEquatableArray(), sendOnChange, NoteDoc(spec.Frames?.Note));
    }

    private static EDoc NoteDoc(BoardNote? note) => note is null ? new EDoc(null, "") : Doc(note.Description, note.Provenance);

    /// <summary>Each board decision says where it comes from or why (BMS011) and, where asked, what the simulator does.</summary>
    private void RequireBoardNote(string what, Located name, BoardNote note, bool simulator)
    {
        Require(what, name, note.Provenance);
        if (simulator && string.IsNullOrWhiteSpace(note.Simulator))
        {
            _d.Report(DiagnosticRules.MissingKey, name.Span, $"{what} '{name.Text}' (say what the simulator does, and why where it differs)", "simulator");
        }
    }

    private IEnumerable<EquatableArray<Located>> BoardCovers()
    {
        var spec = _product.Board;
        if (spec is null) yield break;
        yield return spec.Provenance.Covers;
        foreach (var mode in spec.Modes) yield return mode.Note.Provenance.Covers;
        foreach (var input in spec.Inputs) yield return input.Note.Provenance.Covers;
        foreach (var f in spec.FailSafe) yield return f.Note.Provenance.Covers;
        if (spec.MultiOn is not null) yield return spec.MultiOn.Note.Provenance.Covers;
        if (spec.Control is not null) yield return spec.Control.Note.Provenance.Covers;
        if (spec.Watchdog is not null) yield return spec.Watchdog.Note.Provenance.Covers;
        if (spec.Adc is not null) yield return spec.Adc.Note.Provenance.Covers;
        if (spec.Frames is not null) yield return spec.Frames.Note.Provenance.Covers;
    }

    private List<EBoardMode> BoardModes(BoardSpec spec, EquatableArray<ESetting> settings)
    {
        var modes = new List<EBoardMode>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        Located? firstDefault = null;
        foreach (var mode in spec.Modes)
        {
            if (!NewLocalName(mode.Name, "Input mode", names, "the board")) continue;
            var isDefault = false;
            if (mode.Default is { } dflt)
            {
                if (dflt.Text is not ("true" or "false")) _d.Report(DiagnosticRules.InvalidValue, dflt.Span, $"'default' of input mode '{mode.Name.Text}' must be true or false");
                isDefault = dflt.Text == "true";
                if (isDefault && firstDefault is not null)
                {
                    _d.Report(DiagnosticRules.BoardInputMode, dflt.Span, $"Input modes '{firstDefault.Text}' and '{mode.Name.Text}' are both the default; exactly one is");
                    isDefault = false;
                }
                else if (isDefault) firstDefault = mode.Name;
            }
            RequireBoardNote("Input mode", mode.Name, mode.Note, simulator: isDefault);

            var values = new List<EBoardSetting>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var setting in mode.Settings)
            {
                var symbol = _symbols.Expect(setting.Name, SymbolKind.Setting, "a setting");
                if (symbol is null) continue;
                if (!seen.Add(setting.Name.Text))
                {
                    _d.Report(DiagnosticRules.DuplicateName, setting.Name.Span, setting.Name.Text, $"a setting of input mode '{mode.Name.Text}'");
                    continue;
                }
                var value = ModeSettingValue(settings[symbol.Index], symbol.Index, setting.Value);
                if (value is not null) values.Add(new EBoardSetting(symbol.Index, setting.Name.Text, value.Value));
            }
            modes.Add(new EBoardMode(mode.Name.Text, isDefault, values.ToEquatableArray(), Doc(mode.Note.Description, mode.Note.Provenance)));
        }
        if (spec.Modes.Count == 0) _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "input_modes");
        else if (firstDefault is null)
        {
            _d.Report(DiagnosticRules.BoardInputMode, spec.ModesSpan, "No input mode is the default ('default: true'): the board would not know which one to run");
        }
        return modes;
    }

    private double? ModeSettingValue(ESetting setting, int index, Located value)
    {
        if (setting.IsBool)
        {
            if (value.Text is "true" or "false") return value.Text == "true" ? 1 : 0;
            _d.Report(DiagnosticRules.BoardInputMode, value.Span, $"Setting '{setting.Name}' is a bool: true or false, not '{value.Text}'");
            return null;
        }
        if (_settingUnits[index] is not { } unit) return null;
        var number = _quantities.In(value, unit, $"setting '{setting.Name}'");
        if (number is null) return null;
        if (number.Value < setting.Min || number.Value > setting.Max)
        {
            _d.Report(DiagnosticRules.BoardInputMode, value.Span,
                $"Setting '{setting.Name}' = {value.Text} is outside its range {Quantities.Format(setting.Min)} … {Quantities.Format(setting.Max)} {setting.Unit}");
            return null;
        }
        return number.Value;
    }

    private List<EBoardInput> BoardInputs(BoardSpec spec, List<string> modes, (int Bits, double ReferenceVolts, int MarginCounts) adc)
    {
        var result = new List<EBoardInput>();
        var pins = new List<(string Pin, string? Mode, string Input)>();
        var ohm = UnitInfo.Find("Ω")!;
        foreach (var binding in spec.Inputs)
        {
            var symbol = _symbols.Expect(binding.Input, SymbolKind.Input, "an input");
            var kind = System.Array.IndexOf(BindKinds, binding.Bind.Text);
            if (kind < 0)
            {
                if (binding.Bind.Text.Length > 0)
                    _d.Report(DiagnosticRules.InvalidValue, binding.Bind.Span, $"'bind' must be adc, opto, vebus, battery-monitor or constant, not '{binding.Bind.Text}'");
                continue;
            }
            if (binding.Mode is { } mode && !modes.Contains(mode.Text))
            {
                _d.Report(DiagnosticRules.UnknownName, mode.Span, mode.Text, "; expected an input mode of the board");
            }
            Require("Board input", binding.Input, binding.Note.Provenance);
            if (symbol is null) continue;

            var input = _product.Inputs[symbol.Index];
            var bind = BindKinds[kind];
            if (!BindingFits(bind, input.Kind))
            {
                _d.Report(DiagnosticRules.BoardBindingMismatch, binding.Bind.Span,
                    $"'{bind}' cannot feed '{input.Name.Text}', a {input.Kind.ToString().ToLowerInvariant()} input ({BindingFeeds(bind)})");
                continue;
            }
            if (!BindingKeys(binding, bind)) continue;

            double top = 0, bottom = 0, constant = 0;
            if (bind == "adc")
            {
                top = _quantities.In(binding.DividerTop!, ohm, "a divider resistor") ?? double.NaN;
                bottom = _quantities.In(binding.DividerBottom!, ohm, "a divider resistor") ?? double.NaN;
                if (top < 0) _d.Report(DiagnosticRules.InvalidValue, binding.DividerTop!.Span, "A divider's top resistor is 0 Ω or more");
                if (bottom <= 0) _d.Report(DiagnosticRules.InvalidValue, binding.DividerBottom!.Span, "A divider's bottom resistor is more than 0 Ω");
                if (top >= 0 && bottom > 0 && adc.Bits > 0 && _inputUnits[symbol.Index] is { } unit)
                {
                    var max = unit.ConvertTo(_validatedInputs[symbol.Index].Max, UnitInfo.Find("V")!);
                    var maxCount = (1L << adc.Bits) - 1;
                    var measurable = (maxCount - adc.MarginCounts) * adc.ReferenceVolts / maxCount * (top + bottom) / bottom;
                    if (measurable < max)
                    {
                        _d.Report(DiagnosticRules.BoardDividerRange, binding.Pin!.Span, binding.Pin.Text, Quantities.Format(measurable), input.Name.Text, Quantities.Format(max));
                    }
                }
            }
            var activeLow = binding.Active?.Text == "low";
            if (binding.Active is { } active && active.Text is not ("low" or "high"))
            {
                _d.Report(DiagnosticRules.InvalidValue, active.Span, $"'active' is low or high, not '{active.Text}'");
            }
            if (bind == "constant") constant = ConstantValue(binding.Value!, symbol.Index);

            if (binding.Pin is { } pin)
            {
                var clash = pins.FindIndex(p => p.Pin == pin.Text && (p.Mode is null || binding.Mode is null || p.Mode == binding.Mode.Text));
                if (clash >= 0) _d.Report(DiagnosticRules.DuplicateName, pin.Span, pin.Text, $"the pin of '{pins[clash].Input}'");
                else pins.Add((pin.Text, binding.Mode?.Text, input.Name.Text));
            }
            result.Add(new EBoardInput(symbol.Index, input.Name.Text, BindRuntimeKinds[kind], binding.Pin?.Text, top, bottom, activeLow, constant,
                binding.Mode?.Text, Doc(binding.Note.Description, binding.Note.Provenance)));
        }
        CheckAccounting(spec, modes, result);
        return result;
    }

    private static bool BindingFits(string bind, InputKind kind) => bind switch
    {
        "adc" => kind == InputKind.Number,
        "opto" or "vebus" => kind == InputKind.Bool,
        "battery-monitor" => kind is InputKind.Number or InputKind.Sequence,
        _ => kind is InputKind.Number or InputKind.Bool,
    };

    private static string BindingFeeds(string bind) => bind switch
    {
        "adc" => "it feeds number inputs",
        "opto" or "vebus" => "it feeds bool inputs",
        "battery-monitor" => "it feeds number and sequence inputs",
        _ => "a constant is a number or a bool",
    };

    /// <summary>The keys a binding needs and the ones that do not apply to it (BMS014, BMS041).</summary>
    private bool BindingKeys(BoardInputSpec binding, string bind)
    {
        var ok = true;
        void Needs(Located? value, string key)
        {
            if (value is not null) return;
            _d.Report(DiagnosticRules.MissingKey, binding.Input.Span, $"An '{bind}' binding of '{binding.Input.Text}'", key);
            ok = false;
        }
        void Refuses(Located? value, string key)
        {
            if (value is null) return;
            _d.Report(DiagnosticRules.BoardBindingMismatch, value.Span, $"'{key}' does not apply to a '{bind}' binding");
            ok = false;
        }
        var needsPin = bind is "adc" or "opto";
        if (needsPin) Needs(binding.Pin, "pin"); else Refuses(binding.Pin, "pin");
        if (bind == "adc") Needs(binding.DividerTop, "divider"); else Refuses(binding.DividerTop ?? binding.DividerBottom, "divider");
        if (bind == "opto") Needs(binding.Active, "active"); else Refuses(binding.Active, "active");
        if (bind == "constant") Needs(binding.Value, "value"); else Refuses(binding.Value, "value");
        return ok && (bind != "adc" || binding.DividerBottom is not null);
    }

    private double ConstantValue(Located value, int input)
    {
        var spec = _product.Inputs[input];
        if (spec.Kind == InputKind.Bool)
        {
            if (value.Text is "true" or "false") return value.Text == "true" ? 1 : 0;
            _d.Report(DiagnosticRules.BoardBindingMismatch, value.Span, $"'{spec.Name.Text}' is a bool input: its constant is true or false, not '{value.Text}'");
            return 0;
        }
        return _inputUnits[input] is { } unit ? _quantities.In(value, unit, $"the constant of input '{spec.Name.Text}'") ?? 0 : 0;
    }

    /// <summary>Every engine input has a binding, and no input mode feeds one twice (BMS040).</summary>
    private void CheckAccounting(BoardSpec spec, List<string> modes, List<EBoardInput> bindings)
    {
        var checkedModes = modes.Count > 0 ? modes : new List<string> { "" };
        for (var i = 0; i < _product.Inputs.Count; i++)
        {
            var own = bindings.FindAll(b => b.Input == i);
            var name = _product.Inputs[i].Name.Text;
            if (own.Count == 0 && !BindingFailed(spec, name))
            {
                _d.Report(DiagnosticRules.BoardInputUnaccounted, spec.InputsSpan,
                    $"Input '{name}' has no binding on the board: feed it (adc, opto, vebus, battery-monitor) or make it a constant and say why");
                continue;
            }
            foreach (var mode in checkedModes)
            {
                var applying = own.FindAll(b => b.Mode is null || b.Mode == mode);
                if (applying.Count < 2) continue;
                var second = FindBinding(spec, name, applying[1].Mode);
                _d.Report(DiagnosticRules.BoardInputUnaccounted, second?.Input.Span ?? spec.InputsSpan,
                    $"Input '{name}' is fed twice in input mode '{mode}': give each binding its own 'mode', or keep one");
                break;
            }
        }
    }

    // A binding that was reported already (unknown kind, wrong type, missing keys) is not reported again as missing.
    private static bool BindingFailed(BoardSpec spec, string input)
    {
        foreach (var binding in spec.Inputs) if (binding.Input.Text == input) return true;
        return false;
    }

    private static BoardInputSpec? FindBinding(BoardSpec spec, string input, string? mode)
    {
        BoardInputSpec? last = null;
        foreach (var binding in spec.Inputs)
        {
            if (binding.Input.Text == input && binding.Mode?.Text == mode) last = binding;
        }
        return last;
    }

    private (string Input, long WithinMs) BoardMultiOn(BoardSpec spec)
    {
        var rule = spec.MultiOn;
        if (rule is null)
        {
            _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "multi_on");
            return ("", 0);
        }
        RequireBoardNote("Board rule", new Located("multi_on", rule.Span), rule.Note, simulator: true);
        if (rule.Rule.Text.Length > 0 && rule.Rule.Text != "vebus-sync")
        {
            _d.Report(DiagnosticRules.InvalidValue, rule.Rule.Span,
                $"The board has one MultiOn rule, 'vebus-sync' (a VE.Bus sync frame seen within 'within'), not '{rule.Rule.Text}'");
        }
        var within = _quantities.Duration(rule.Within, "multi_on within") ?? 0;
        var symbol = _symbols.Expect(rule.Input, SymbolKind.Input, "an input");
        if (symbol is null) return ("", within);
        if (_product.Inputs[symbol.Index].Kind != InputKind.Bool)
        {
            _d.Report(DiagnosticRules.BoardBindingMismatch, rule.Input.Span, $"The MultiOn rule writes a bool; '{rule.Input.Text}' is not a bool input");
        }
        foreach (var binding in spec.Inputs)
        {
            var isRuleInput = binding.Input.Text == rule.Input.Text;
            if (binding.Bind.Text == "vebus" && !isRuleInput)
            {
                _d.Report(DiagnosticRules.BoardBindingMismatch, binding.Bind.Span,
                    $"Only the multi_on input ('{rule.Input.Text}') is derived from VE.Bus; '{binding.Input.Text}' cannot be");
            }
            else if (isRuleInput && binding.Bind.Text != "vebus")
            {
                _d.Report(DiagnosticRules.BoardBindingMismatch, binding.Bind.Span,
                    $"'{rule.Input.Text}' is written by the MultiOn rule: bind it 'vebus', not '{binding.Bind.Text}'");
            }
        }
        return (rule.Input.Text, within);
    }

    private long BoardControl(BoardSpec spec)
    {
        if (spec.Control is not { } control)
        {
            _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "control");
            return 0;
        }
        RequireBoardNote("Board rule", new Located("control", control.Span), control.Note, simulator: true);
        return _quantities.Duration(control.Period, "control period") ?? 0;
    }

    private (long TimeoutMs, long ResetMs, long StallMs, long WarmUpMs) BoardWatchdog(BoardSpec spec, long periodMs)
    {
        if (spec.Watchdog is not { } w)
        {
            _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "watchdog");
            return (0, 0, 0, 0);
        }
        RequireBoardNote("Board rule", new Located("watchdog", w.Span), w.Note, simulator: true);
        var timeout = _quantities.Duration(w.Timeout, "watchdog timeout");
        var reset = _quantities.Duration(w.ResetInterval, "watchdog reset_interval");
        var stall = _quantities.Duration(w.StallAfter, "watchdog stall_after");
        var warmUp = _quantities.Duration(w.WarmUp, "watchdog warm_up");
        if (timeout is null || reset is null || stall is null || warmUp is null) return (0, 0, 0, 0);

        var earliest = timeout.Value * 32 / 47;
        if (timeout > MaxWatchdogTimeoutMs)
            _d.Report(DiagnosticRules.BoardTiming, w.Timeout.Span, $"The watchdog timeout {w.Timeout.Text} is above the F7 watchdog's limit of {MaxWatchdogTimeoutMs} ms");
        else if (reset > timeout / 4)
            _d.Report(DiagnosticRules.BoardTiming, w.ResetInterval.Span,
                $"The reset interval {w.ResetInterval.Text} is above a quarter of the timeout: the watchdog's clock may run 47/32 fast and expire first");
        else if (stall <= reset || stall >= timeout)
            _d.Report(DiagnosticRules.BoardTiming, w.StallAfter.Span,
                $"The stall limit {w.StallAfter.Text} must lie between the reset interval ({w.ResetInterval.Text}) and the timeout ({w.Timeout.Text})");
        else if (periodMs > 0 && periodMs * 2 > stall)
            _d.Report(DiagnosticRules.BoardTiming, w.StallAfter.Span, $"The stall limit {w.StallAfter.Text} must span at least two control periods");
        else if (warmUp < stall)
            _d.Report(DiagnosticRules.BoardTiming, w.WarmUp.Span, $"The warm-up grace {w.WarmUp.Text} is shorter than the stall limit {w.StallAfter.Text}, so it changes nothing");
        else if (warmUp > earliest)
            _d.Report(DiagnosticRules.BoardTiming, w.WarmUp.Span,
                $"The warm-up grace {w.WarmUp.Text} outlasts the watchdog, which may expire after {earliest} ms (32/47 of the timeout: its clock runs at up to 47 kHz against a nominal 32 kHz)");
        return (timeout.Value, reset.Value, stall.Value, warmUp.Value);
    }

    private (int Bits, double ReferenceVolts, int MarginCounts) BoardAdc(BoardSpec spec)
    {
        if (spec.Adc is not { } adc)
        {
            foreach (var binding in spec.Inputs)
            {
                if (binding.Bind.Text != "adc") continue;
                _d.Report(DiagnosticRules.MissingKey, spec.Span, "A board with 'adc' bindings", "adc");
                break;
            }
            return (0, 0, 0);
        }
        Require("Board part", new Located("adc", adc.Span), adc.Note.Provenance);
        var bits = Integer(adc.Bits, 2, 24, "bits");
        var reference = _quantities.In(adc.Reference, UnitInfo.Find("V")!, "the ADC reference");
        if (reference is <= 0) _d.Report(DiagnosticRules.InvalidValue, adc.Reference.Span, "The ADC reference is a positive voltage");
        var margin = bits is null ? null : Integer(adc.FullScaleMargin, 0, (1 << bits.Value) / 2 - 1, "full_scale_margin");
        if (bits is null || reference is not > 0 || margin is null) return (0, 0, 0);
        return (bits.Value, reference.Value, margin.Value);
    }

    private List<EBoardFailSafe> BoardFailSafe(BoardSpec spec)
    {
        var result = new List<EBoardFailSafe>();
        if (spec.FailSafe.Count == 0)
        {
            _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "fail_safe");
            return result;
        }
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var conversion in spec.FailSafe)
        {
            var known = System.Array.FindIndex(FailSafeKinds, k => k.Kind == conversion.Kind.Text);
            if (known < 0)
            {
                if (conversion.Kind.Text.Length > 0)
                    _d.Report(DiagnosticRules.InvalidValue, conversion.Kind.Span,
                        $"'kind' must be sensor-exception, adc-scan-failed, adc-full-scale or bool-nan, not '{conversion.Kind.Text}'");
                continue;
            }
            if (!seen.Add(conversion.Kind.Text))
            {
                _d.Report(DiagnosticRules.DuplicateName, conversion.Kind.Span, conversion.Kind.Text, "a fail-safe conversion");
                continue;
            }
            RequireBoardNote("Fail-safe conversion", conversion.Kind, conversion.Note, simulator: false);
            var (_, runtime, reads) = FailSafeKinds[known];
            if (conversion.Reads.Text != reads)
            {
                _d.Report(DiagnosticRules.BoardFailSafe, conversion.Reads.Span, $"The board turns {conversion.Kind.Text} into {reads}; the spec says '{conversion.Reads.Text}'");
            }
            result.Add(new EBoardFailSafe(runtime, reads, Doc(conversion.Note.Description, conversion.Note.Provenance)));
        }
        foreach (var (kind, _, reads) in FailSafeKinds)
        {
            if (!seen.Contains(kind))
            {
                _d.Report(DiagnosticRules.BoardFailSafe, spec.FailSafeSpan,
                    $"The board applies '{kind}' (the engine reads {reads}) but the spec does not state it");
            }
        }
        return result;
    }

    private bool BoardFrames(BoardSpec spec)
    {
        if (spec.Frames is not { } frames)
        {
            _d.Report(DiagnosticRules.MissingKey, spec.Span, "The board section", "frames");
            return true;
        }
        RequireBoardNote("Board rule", new Located("frames", frames.Span), frames.Note, simulator: true);
        if (frames.OnFlagChange.Text.Length > 0 && frames.OnFlagChange.Text is not ("immediate" or "next-interval"))
        {
            _d.Report(DiagnosticRules.InvalidValue, frames.OnFlagChange.Span, $"'on_flag_change' is immediate or next-interval, not '{frames.OnFlagChange.Text}'");
        }
        if (frames.BeforeFirstCycle.Text.Length > 0 && frames.BeforeFirstCycle.Text != "all-off")
        {
            _d.Report(DiagnosticRules.InvalidValue, frames.BeforeFirstCycle.Span,
                $"Before the first control cycle the board reads every flag as off ('all-off'), so no frame goes out; it cannot do '{frames.BeforeFirstCycle.Text}'");
        }
        return frames.OnFlagChange.Text != "next-interval";
    }
}
