namespace BmsRules.Generator.Model;

// A condition after name resolution: every reference points at a model item by index.
// Value-equatable records, so the engine model caches in the incremental pipeline.

/// <summary>A resolved condition.</summary>
public abstract record BExpr;

/// <summary>A constant condition.</summary>
public sealed record BConst(bool Value) : BExpr;

/// <summary>Negation.</summary>
public sealed record BNot(BExpr Operand) : BExpr;

/// <summary>Conjunction or disjunction.</summary>
public sealed record BLogical(bool IsAnd, BExpr Left, BExpr Right) : BExpr;

/// <summary>What a boolean reference points at.</summary>
public enum RefKind
{
    /// <summary>A bool input (Index = input).</summary>
    BoolInput,
    /// <summary>An input's validity (Index = input).</summary>
    InputValid,
    /// <summary>A bool setting (Index = setting).</summary>
    BoolSetting,
    /// <summary>A setting's validity (Index = setting).</summary>
    SettingValid,
    /// <summary>A threshold is tripped (Index = threshold).</summary>
    Threshold,
    /// <summary>A signal (Index = signal).</summary>
    Signal,
    /// <summary>A band is in a zone (Index = band, Member = zone).</summary>
    BandZone,
    /// <summary>A machine is in a state (Index = machine, Member = state).</summary>
    MachineState,
    /// <summary>An output is high (Index = output).</summary>
    Output,
    /// <summary>A flag is set (Index = flag).</summary>
    Flag,
}

/// <summary>A reference to a boolean value of the model.</summary>
public sealed record BRef(RefKind Kind, int Index, int Member = 0) : BExpr;

/// <summary>One comparison between two numeric operands (chains are split into conjunctions).</summary>
public sealed record BCompare(Parsing.CompareOp Op, BNum Left, BNum Right) : BExpr;

/// <summary>A numeric operand of a comparison.</summary>
public abstract record BNum;

/// <summary>A number input's value, in its own unit; comparisons with it are false while it is invalid.</summary>
public sealed record BNumInput(int Index) : BNum;

/// <summary>A number setting's effective value, converted by <paramref name="Factor"/> into the comparison's unit.</summary>
public sealed record BNumSetting(int Index, double Factor) : BNum;

/// <summary>A literal, already converted to the unit of the other operand.</summary>
public sealed record BNumLiteral(double Value) : BNum;
