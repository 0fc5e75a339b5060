using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Validation;

/// <summary>
/// Parses a condition and resolves its names to model items, checking types (condition vs number),
/// units of comparisons, and evaluation order. Errors are reported at the column inside the YAML
/// scalar; a failed condition binds as <c>false</c> so validation can continue.
/// </summary>
internal sealed class ExpressionBinder
{
    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyList<UnitInfo?> _inputUnits;
    private readonly IReadOnlyList<UnitInfo?> _settingUnits;

    public ExpressionBinder(SymbolTable symbols, DiagnosticBag diagnostics, IReadOnlyList<UnitInfo?> inputUnits, IReadOnlyList<UnitInfo?> settingUnits)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
        _inputUnits = inputUnits;
        _settingUnits = settingUnits;
    }

    private ProductSpec Product => _symbols.Product;

    /// <summary>Binds the condition <paramref name="text"/> evaluated at <paramref name="phase"/>/<paramref name="position"/>.</summary>
    public BExpr Bind(Located text, BindPhase phase, int position)
    {
        if (text.Text.Trim().Length == 0)
        {
            _diagnostics.Report(DiagnosticRules.ExpressionSyntax, text.Span, "the condition is empty");
            return new BConst(false);
        }
        var expr = ExpressionParser.ParseCondition(text.Text, out var error);
        if (expr is null)
        {
            _diagnostics.Report(DiagnosticRules.ExpressionSyntax, text.Span.Slice(error!.Offset, error.Length), error.Message);
            return new BConst(false);
        }
        return new Context(this, text, phase, position).Condition(expr);
    }

    private sealed class Context
    {
        private readonly ExpressionBinder _binder;
        private readonly Located _text;
        private readonly BindPhase _phase;
        private readonly int _position;

        public Context(ExpressionBinder binder, Located text, BindPhase phase, int position)
        {
            _binder = binder;
            _text = text;
            _phase = phase;
            _position = position;
        }

        private DiagnosticBag D => _binder._diagnostics;

        private SourceSpan At(Expr e) => _text.Span.Slice(e.Offset, e.Length);

        public BExpr Condition(Expr expr)
        {
            switch (expr)
            {
                case BoolExpr b:
                    return new BConst(b.Value);
                case NotExpr not:
                    return new BNot(Condition(not.Operand));
                case LogicalExpr logical:
                    return new BLogical(logical.IsAnd, Condition(logical.Left), Condition(logical.Right));
                case CompareExpr compare:
                    return Comparison(compare);
                case NameExpr name:
                    return Reference(name);
                case NumberExpr number:
                    D.Report(DiagnosticRules.TypeMismatch, At(number), $"'{(number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + number.UnitText).Trim()}' is a number where a condition is expected");
                    return new BConst(false);
                default:
                    return new BConst(false);
            }
        }

        private BExpr Reference(NameExpr name)
        {
            var symbol = _binder._symbols.Find(name.Name);
            if (symbol is null)
            {
                D.Report(DiagnosticRules.UnknownName, At(name), name.FullName, _binder._symbols.Suggest(name.Name));
                return new BConst(false);
            }

            var product = _binder.Product;
            switch (symbol.Kind)
            {
                case SymbolKind.Input:
                {
                    var input = product.Inputs[symbol.Index];
                    if (name.Member == "Valid") return new BRef(RefKind.InputValid, symbol.Index);
                    if (name.Member is not null) return UnknownMember(name, "Valid");
                    if (input.Kind == InputKind.Bool) return new BRef(RefKind.BoolInput, symbol.Index);
                    return NotACondition(name, input.Kind == InputKind.Number
                        ? "a number input; compare it (e.g. 'X < 3.5 V') or use X.Valid"
                        : "a sequence input; use X.Valid for 'fresh'");
                }
                case SymbolKind.Setting:
                {
                    var setting = product.Settings[symbol.Index];
                    if (name.Member == "Valid") return new BRef(RefKind.SettingValid, symbol.Index);
                    if (name.Member is not null) return UnknownMember(name, "Valid");
                    if (setting.IsBool) return new BRef(RefKind.BoolSetting, symbol.Index);
                    return NotACondition(name, "a number setting; compare it with an input");
                }
                case SymbolKind.Threshold:
                    return NoMember(name) ?? new BRef(RefKind.Threshold, symbol.Index);
                case SymbolKind.Signal:
                    if (_phase == BindPhase.Signal && symbol.Index >= _position)
                    {
                        return Order(name, "a signal may use only signals defined above it");
                    }
                    return NoMember(name) ?? new BRef(RefKind.Signal, symbol.Index);
                case SymbolKind.Band:
                {
                    var band = product.Bands[symbol.Index];
                    for (var z = 0; z < band.Zones.Count; z++)
                    {
                        if (band.Zones[z].Name.Text == name.Member) return new BRef(RefKind.BandZone, symbol.Index, z);
                    }
                    return UnknownMember(name, ZoneNames(band));
                }
                case SymbolKind.Machine:
                {
                    if (_phase == BindPhase.Signal) return Order(name, "signals are evaluated before machines");
                    if (_phase == BindPhase.Machine && symbol.Index > _position)
                    {
                        return Order(name, "a machine's guards may use only its own state and machines defined above it");
                    }
                    var machine = product.Machines[symbol.Index];
                    for (var s = 0; s < machine.States.Count; s++)
                    {
                        if (machine.States[s].Name.Text == name.Member) return new BRef(RefKind.MachineState, symbol.Index, s);
                    }
                    return UnknownMember(name, StateNames(machine));
                }
                case SymbolKind.Output:
                    if (_phase < BindPhase.Output || (_phase == BindPhase.Output && symbol.Index >= _position))
                    {
                        return Order(name, "outputs are evaluated after signals and machines, in file order");
                    }
                    return NoMember(name) ?? new BRef(RefKind.Output, symbol.Index);
                case SymbolKind.Flag:
                    if (_phase < BindPhase.Flag || (_phase == BindPhase.Flag && symbol.Index >= _position))
                    {
                        return Order(name, "flags are evaluated after outputs, in file order");
                    }
                    return NoMember(name) ?? new BRef(RefKind.Flag, symbol.Index);
                default:
                    return NotACondition(name, SymbolTable.Article(symbol.Kind) + ", which is not a condition");
            }
        }

        private BExpr? NoMember(NameExpr name) =>
            name.Member is null ? null : UnknownMember(name, "(no members)");

        private BExpr UnknownMember(NameExpr name, string expected)
        {
            D.Report(DiagnosticRules.UnknownName, At(name), name.FullName, $"; '{name.Name}' has: {expected}");
            return new BConst(false);
        }

        private BExpr NotACondition(NameExpr name, string why)
        {
            D.Report(DiagnosticRules.TypeMismatch, At(name), $"'{name.FullName}' is {why}");
            return new BConst(false);
        }

        private BExpr Order(NameExpr name, string why)
        {
            D.Report(DiagnosticRules.EvaluationOrder, At(name), name.FullName, why);
            return new BConst(false);
        }

        private static string ZoneNames(BandSpec band)
        {
            var names = new List<string>();
            foreach (var zone in band.Zones) names.Add(zone.Name.Text);
            return string.Join(", ", names);
        }

        private static string StateNames(MachineSpec machine)
        {
            var names = new List<string>();
            foreach (var state in machine.States) names.Add(state.Name.Text);
            return string.Join(", ", names);
        }

        private BExpr Comparison(CompareExpr compare)
        {
            // The unit every operand is converted to: the first input's, else the first setting's.
            UnitInfo? reference = null;
            var anyName = false;
            foreach (var preferInputs in new[] { true, false })
            {
                foreach (var operand in compare.Operands)
                {
                    if (operand is not NameExpr name) continue;
                    anyName = true;
                    var isInput = _binder._symbols.Find(name.Name)?.Kind == SymbolKind.Input;
                    if (reference is null && isInput == preferInputs) reference = OperandUnit(name);
                }
            }
            if (!anyName)
            {
                D.Report(DiagnosticRules.InvalidValue, At(compare), "This comparison has only constants; compare an input or setting");
                return new BConst(false);
            }

            var operands = new List<BNum?>();
            foreach (var operand in compare.Operands) operands.Add(Number(operand, reference));

            BExpr? result = null;
            for (var i = 0; i < compare.Ops.Count; i++)
            {
                var left = operands[i];
                var right = operands[i + 1];
                if (left is null || right is null) return new BConst(false);
                BExpr part = new BCompare(compare.Ops[i], left, right);
                result = result is null ? part : new BLogical(true, result, part);
            }
            return result ?? new BConst(false);
        }

        private UnitInfo? OperandUnit(NameExpr name)
        {
            var symbol = _binder._symbols.Find(name.Name);
            return symbol?.Kind switch
            {
                SymbolKind.Input => _binder._inputUnits[symbol.Index],
                SymbolKind.Setting => _binder._settingUnits[symbol.Index],
                _ => null,
            };
        }

        private BNum? Number(Expr operand, UnitInfo? reference)
        {
            switch (operand)
            {
                case NumberExpr number:
                    if (number.UnitText.Length == 0)
                    {
                        D.Report(DiagnosticRules.MissingUnit, At(number), number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            "a comparison", reference is null ? "a unit" : UnitInfo.Describe(reference.Dimension));
                        return null;
                    }
                    if (number.Unit is null)
                    {
                        D.Report(DiagnosticRules.WrongUnit, At(number), number.UnitText, $"unknown unit; known units are {UnitInfo.KnownSymbols}");
                        return null;
                    }
                    if (reference is null) return new BNumLiteral(number.Quantity.BaseValue);
                    if (number.Unit.Dimension != reference.Dimension || number.Unit.DeltaOnly)
                    {
                        D.Report(DiagnosticRules.WrongUnit, At(number), $"{number.Value} {number.UnitText}",
                            $"it is compared with a value in {UnitInfo.Describe(reference.Dimension)}");
                        return null;
                    }
                    return new BNumLiteral(number.Unit.ConvertTo(number.Value, reference));
                case NameExpr name:
                {
                    var symbol = _binder._symbols.Find(name.Name);
                    if (symbol is null)
                    {
                        D.Report(DiagnosticRules.UnknownName, At(name), name.FullName, _binder._symbols.Suggest(name.Name));
                        return null;
                    }
                    if (name.Member is not null)
                    {
                        D.Report(DiagnosticRules.TypeMismatch, At(name), $"'{name.FullName}' is a condition, not a number");
                        return null;
                    }
                    if (symbol.Kind == SymbolKind.Input && _binder.Product.Inputs[symbol.Index].Kind == InputKind.Number)
                    {
                        var unit = _binder._inputUnits[symbol.Index];
                        if (unit is null || reference is null) return null;
                        if (unit.Dimension != reference.Dimension)
                        {
                            D.Report(DiagnosticRules.WrongUnit, At(name), name.Name, $"it is in {unit.Symbol} but compared with {reference.Symbol}");
                            return null;
                        }
                        if (!ReferenceEquals(unit, reference) && unit.Factor != reference.Factor)
                        {
                            D.Report(DiagnosticRules.WrongUnit, At(name), name.Name,
                                $"inputs compared with each other must use the same unit ({unit.Symbol} vs {reference.Symbol})");
                            return null;
                        }
                        return new BNumInput(symbol.Index);
                    }
                    if (symbol.Kind == SymbolKind.Setting && !_binder.Product.Settings[symbol.Index].IsBool)
                    {
                        var unit = _binder._settingUnits[symbol.Index];
                        if (unit is null || reference is null) return null;
                        if (unit.Dimension != reference.Dimension)
                        {
                            D.Report(DiagnosticRules.WrongUnit, At(name), name.Name, $"it is in {unit.Symbol} but compared with {reference.Symbol}");
                            return null;
                        }
                        return new BNumSetting(symbol.Index, unit.Factor / reference.Factor);
                    }
                    D.Report(DiagnosticRules.TypeMismatch, At(name), $"'{name.FullName}' is {SymbolTable.Article(symbol.Kind)} that is not a number, so it cannot be compared");
                    return null;
                }
                default:
                    D.Report(DiagnosticRules.TypeMismatch, At(operand), "only numbers, number inputs and number settings can be compared");
                    return null;
            }
        }
    }
}
