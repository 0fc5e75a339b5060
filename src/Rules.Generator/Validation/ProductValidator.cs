using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

/// <summary>
/// Validates one product of the spec and builds its <see cref="EngineModel"/>. Each section has its
/// own file (thresholds, bands, machines, tables, codes, coverage); this file orders them and
/// handles the simple sections. Returns null when any error was reported.
/// </summary>
internal sealed partial class ProductValidator
{
    private readonly ProductSpec _product;
    private readonly DiagnosticBag _d;
    private readonly SymbolTable _symbols;
    private readonly Quantities _quantities;
    private readonly UnitInfo?[] _inputUnits;
    private readonly UnitInfo?[] _settingUnits;
    private readonly Dictionary<string, int> _codeIndex = new(System.StringComparer.Ordinal);
    private ExpressionBinder _binder = null!;
    private EquatableArray<EInput> _validatedInputs;

    private ProductValidator(ProductSpec product, DiagnosticBag diagnostics)
    {
        _product = product;
        _d = diagnostics;
        _symbols = new SymbolTable(product, diagnostics);
        _quantities = new Quantities(diagnostics);
        _inputUnits = new UnitInfo?[product.Inputs.Count];
        _settingUnits = new UnitInfo?[product.Settings.Count];
    }

    /// <summary>Validates <paramref name="product"/>; returns its engine model, or null when it has errors.</summary>
    public static EngineModel? Validate(string ns, ProductSpec product, string path, DiagnosticBag diagnostics)
    {
        var validator = new ProductValidator(product, diagnostics);
        return validator.Run(ns, path);
    }

    private EngineModel? Run(string ns, string path)
    {
        var errorsBefore = _d.HasErrors;
        if (!Identifiers.IsValid(_product.Id.Text))
        {
            _d.Report(DiagnosticRules.InvalidValue, _product.Id.Span,
                $"Product id '{_product.Id.Text}' must be a name (capital letter, then letters and digits): it names the generated types");
        }

        IndexCodes();
        ReadUnits();
        _binder = new ExpressionBinder(_symbols, _d, _inputUnits, _settingUnits);

        var inputs = _validatedInputs = Inputs();
        var settings = Settings();
        var timers = Timers();
        var thresholds = Thresholds();
        var bands = Bands();
        var signals = Signals();
        var machines = Machines();
        var outputs = Outputs();
        var flags = Flags();
        var tables = new List<ETable>(Tables(_product.Tables));
        tables.AddRange(Tables(_product.Leds));
        var codes = Codes();
        var vebus = VeBus();
        var board = Board(settings);
        CheckProvenance();
        CheckCatalogue();

        if (_d.HasErrors || errorsBefore) return null;
        return new EngineModel(ns, _product.Id.Text, _product.Name.Length > 0 ? _product.Name : _product.Id.Text,
            _product.Description, path, inputs, settings, timers, thresholds, bands, signals, machines, outputs, flags,
            tables.ToEquatableArray(), codes, vebus, board);
    }

    private static EDoc Doc(string? description, Provenance provenance)
    {
        var parts = new List<string>();
        if (provenance.Sources.Count > 0) parts.Add("source: " + string.Join("; ", provenance.Sources));
        if (!string.IsNullOrWhiteSpace(provenance.Assumption)) parts.Add("assumption: " + provenance.Assumption!.Trim());
        var covers = new List<string>();
        foreach (var id in provenance.Covers) covers.Add(id.Text);
        return new EDoc(description?.Trim(), string.Join(" | ", parts))
        {
            Trace = new ETrace(provenance.Entry.Line, provenance.Module, covers.ToEquatableArray()),
        };
    }

    private void ReadUnits()
    {
        for (var i = 0; i < _product.Inputs.Count; i++)
        {
            var input = _product.Inputs[i];
            if (input.Kind == InputKind.Number && input.Unit is not null)
            {
                _inputUnits[i] = _quantities.Unit(input.Unit, $"input '{input.Name.Text}'");
            }
        }
        for (var i = 0; i < _product.Settings.Count; i++)
        {
            var setting = _product.Settings[i];
            if (!setting.IsBool && setting.Unit is not null)
            {
                _settingUnits[i] = _quantities.Unit(setting.Unit, $"setting '{setting.Name.Text}'");
            }
        }
    }

    /// <summary>
    /// Checks a local name (state, zone, column, value, pattern, field): C#-shaped and not yet in
    /// <paramref name="seen"/> (then adds it). Reports and returns false otherwise.
    /// </summary>
    private bool NewLocalName(Located name, string kind, ICollection<string> seen, string owner)
    {
        if (!Identifiers.IsValidShape(name.Text))
        {
            _d.Report(DiagnosticRules.InvalidValue, name.Span, $"{kind} name '{name.Text}' must start with a capital letter and use letters and digits");
            return false;
        }
        if (seen.Contains(name.Text))
        {
            _d.Report(DiagnosticRules.DuplicateName, name.Span, name.Text, $"a {kind.ToLowerInvariant()} of {owner}");
            return false;
        }
        seen.Add(name.Text);
        return true;
    }

    private int CodeRef(Located? code)
    {
        if (code is null) return -1;
        if (_codeIndex.TryGetValue(code.Text, out var index)) return index;
        _d.Report(DiagnosticRules.UnknownName, code.Span, code.Text, "; expected a code id from 'codes'");
        return -1;
    }

    private EquatableArray<EInput> Inputs()
    {
        var result = new List<EInput>();
        for (var i = 0; i < _product.Inputs.Count; i++)
        {
            var input = _product.Inputs[i];
            double min = 0, max = 0;
            long staleMs = 0;
            string? staleTimer = null;
            var unit = _inputUnits[i];
            if (input.Kind == InputKind.Number && unit is not null && input.Min is not null && input.Max is not null)
            {
                var what = $"the range of input '{input.Name.Text}'";
                min = _quantities.In(input.Min, unit, what) ?? 0;
                max = _quantities.In(input.Max, unit, what) ?? 0;
                if (min >= max)
                {
                    _d.Report(DiagnosticRules.InvalidValue, input.Min.Span, $"Input '{input.Name.Text}' range min {input.Min.Text} must be below max {input.Max.Text}");
                }
            }
            if (input.Kind == InputKind.Sequence && input.StaleAfter is not null)
            {
                var timer = _symbols.Expect(input.StaleAfter, SymbolKind.Timer, "a timer name");
                if (timer is not null)
                {
                    staleTimer = timer.Name;
                    staleMs = TimerMs(timer.Index);
                }
            }
            var requiredWhen = input.RequiredWhen is null ? new BConst(true) : _binder.Bind(input.RequiredWhen, BindPhase.Code, 0);
            result.Add(new EInput(input.Name.Text, input.Kind, unit?.Symbol, min, max, staleMs, staleTimer, CodeRef(input.InvalidCode),
                requiredWhen, input.RequiredWhen?.Text, Doc(input.Description, input.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private EquatableArray<ESetting> Settings()
    {
        var result = new List<ESetting>();
        for (var i = 0; i < _product.Settings.Count; i++)
        {
            var setting = _product.Settings[i];
            double value = 0, min = 0, max = 1;
            if (setting.IsBool)
            {
                var text = setting.Default?.Text;
                if (text is "true") value = 1;
                else if (text is not "false" && setting.Default is not null && text!.Length > 0)
                {
                    _d.Report(DiagnosticRules.InvalidValue, setting.Default.Span, $"Bool setting '{setting.Name.Text}' default must be true or false");
                }
            }
            else if (_settingUnits[i] is { } unit && setting.Default is not null && setting.Min is not null && setting.Max is not null)
            {
                var what = $"setting '{setting.Name.Text}'";
                var d = _quantities.In(setting.Default, unit, what);
                var lo = _quantities.In(setting.Min, unit, what);
                var hi = _quantities.In(setting.Max, unit, what);
                if (d is not null && lo is not null && hi is not null)
                {
                    (value, min, max) = (d.Value, lo.Value, hi.Value);
                    if (min > max)
                    {
                        _d.Report(DiagnosticRules.InvalidValue, setting.Min.Span, $"Setting '{setting.Name.Text}' min {setting.Min.Text} is above max {setting.Max.Text}");
                    }
                    else if (value < min || value > max)
                    {
                        _d.Report(DiagnosticRules.DefaultOutOfRange, setting.Default.Span, setting.Name.Text, setting.Default.Text, setting.Min.Text, setting.Max.Text);
                    }
                }
            }
            result.Add(new ESetting(setting.Name.Text, setting.IsBool, _settingUnits[i]?.Symbol, value, min, max,
                CodeRef(setting.InvalidCode), Doc(setting.Description, setting.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private readonly Dictionary<int, long> _timerMs = new();

    private long TimerMs(int index)
    {
        if (_timerMs.TryGetValue(index, out var ms)) return ms;
        var timer = _product.Timers[index];
        ms = _quantities.Duration(timer.Duration, timer.Name.Text) ?? 0;
        _timerMs[index] = ms;
        return ms;
    }

    private EquatableArray<ETimer> Timers()
    {
        var result = new List<ETimer>();
        for (var i = 0; i < _product.Timers.Count; i++)
        {
            var timer = _product.Timers[i];
            result.Add(new ETimer(timer.Name.Text, TimerMs(i), Doc(timer.Description, timer.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private EquatableArray<ESignal> Signals()
    {
        var result = new List<ESignal>();
        for (var i = 0; i < _product.Signals.Count; i++)
        {
            var signal = _product.Signals[i];
            result.Add(new ESignal(signal.Name.Text, _binder.Bind(signal.When, BindPhase.Signal, i), signal.When.Text,
                Doc(signal.Description, signal.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private EquatableArray<EOutput> Outputs()
    {
        var result = new List<EOutput>();
        for (var i = 0; i < _product.Outputs.Count; i++)
        {
            var output = _product.Outputs[i];
            result.Add(new EOutput(output.Name.Text, output.Label, _binder.Bind(output.HighWhen, BindPhase.Output, i),
                output.HighWhen.Text, Doc(output.Description, output.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private EquatableArray<EFlag> Flags()
    {
        var result = new List<EFlag>();
        for (var i = 0; i < _product.Flags.Count; i++)
        {
            var flag = _product.Flags[i];
            result.Add(new EFlag(flag.Name.Text, _binder.Bind(flag.When, BindPhase.Flag, i), flag.When.Text,
                Doc(flag.Description, flag.Provenance)));
        }
        return result.ToEquatableArray();
    }
}
