using BmsRules.Generator.Model;

namespace BmsRules.Generator.Emit;

/// <summary>
/// Turns resolved conditions into C# boolean expressions over the Step's locals and the engine's
/// fields. A comparison includes its inputs' validity, so it is false while an input is invalid.
/// </summary>
internal sealed class ExpressionEmitter
{
    private readonly EngineModel _model;
    private readonly Names _names;

    public ExpressionEmitter(EngineModel model, Names names)
    {
        _model = model;
        _names = names;
    }

    public string Emit(BExpr expr) => expr switch
    {
        BConst c => c.Value ? "true" : "false",
        BNot n => "!" + Operand(n.Operand),
        BLogical l => Operand(l.Left) + (l.IsAnd ? " && " : " || ") + Operand(l.Right),
        BRef r => Reference(r),
        BCompare c => Compare(c),
        _ => "false",
    };

    /// <summary>An expression safe to combine with other operators (parenthesised unless atomic).</summary>
    private string Operand(BExpr expr)
    {
        var text = Emit(expr);
        return expr is BLogical || (expr is BCompare && text.Contains("&&")) ? "(" + text + ")" : text;
    }

    private string Reference(BRef r) => r.Kind switch
    {
        RefKind.BoolInput => "inputs." + _model.Inputs[r.Index].Name,
        RefKind.InputValid => _model.Inputs[r.Index].Kind == InputKind.Bool ? "true" : Names.ValidLocal(_model.Inputs[r.Index].Name),
        RefKind.BoolSetting => "_settings." + _model.Settings[r.Index].Name,
        RefKind.SettingValid => $"(_invalidSettings & {Names.Bit(r.Index)}) == 0UL",
        RefKind.Threshold => CSharp.Field(_model.Thresholds[r.Index].Name),
        RefKind.Signal => CSharp.Field(_model.Signals[r.Index].Name),
        RefKind.BandZone => $"({CSharp.Field(_model.Bands[r.Index].Name)} == {_names.ZoneEnum(r.Index)}.{_model.Bands[r.Index].Zones[r.Member]})",
        RefKind.MachineState => $"({CSharp.Field(_model.Machines[r.Index].Name)} == {_names.StateEnum(r.Index)}.{_model.Machines[r.Index].States[r.Member].Name})",
        RefKind.Output => CSharp.Field(_model.Outputs[r.Index].Name),
        RefKind.Flag => CSharp.Field(_model.Flags[r.Index].Name),
        _ => "false",
    };

    private string Compare(BCompare c)
    {
        var guard = "";
        foreach (var side in new[] { c.Left, c.Right })
        {
            if (side is BNumInput input) guard += Names.ValidLocal(_model.Inputs[input.Index].Name) + " && ";
        }
        return guard + Number(c.Left) + " " + CSharp.Operator(c.Op) + " " + Number(c.Right);
    }

    private string Number(BNum number) => number switch
    {
        BNumInput i => "inputs." + _model.Inputs[i.Index].Name,
        BNumSetting s => s.Factor == 1.0
            ? "_settings." + _model.Settings[s.Index].Name
            : $"(_settings.{_model.Settings[s.Index].Name} * {CSharp.Double(s.Factor)})",
        BNumLiteral l => CSharp.Double(l.Value),
        _ => "0d",
    };
}
