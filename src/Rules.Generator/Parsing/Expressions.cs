using System.Collections.Generic;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Parsing;

// The syntax tree of a condition as written. Offsets are character positions inside the
// expression text, so diagnostics can point at the exact column in the YAML file.

/// <summary>A node of a parsed condition.</summary>
public abstract class Expr
{
    /// <summary>Start offset in the expression text.</summary>
    public int Offset { get; }

    /// <summary>Length in the expression text.</summary>
    public int Length { get; }

    /// <summary>Creates a node covering [offset, offset + length).</summary>
    protected Expr(int offset, int length)
    {
        Offset = offset;
        Length = length;
    }
}

/// <summary>A name, optionally with a member: <c>RemoteOn</c>, <c>System.On</c>, <c>CellMinVoltage.Valid</c>.</summary>
public sealed class NameExpr : Expr
{
    /// <summary>Creates the node.</summary>
    public NameExpr(string name, string? member, int offset, int length) : base(offset, length)
    {
        Name = name;
        Member = member;
    }

    /// <summary>The name before the dot.</summary>
    public string Name { get; }

    /// <summary>The member after the dot, if any.</summary>
    public string? Member { get; }

    /// <summary>The name as written.</summary>
    public string FullName => Member is null ? Name : Name + "." + Member;
}

/// <summary>A number with an optional unit.</summary>
public sealed class NumberExpr : Expr
{
    /// <summary>Creates the node; <paramref name="unitText"/> is what followed the number ("" when nothing).</summary>
    public NumberExpr(double value, UnitInfo? unit, string unitText, int offset, int length) : base(offset, length)
    {
        Value = value;
        Unit = unit;
        UnitText = unitText;
    }

    /// <summary>The number.</summary>
    public double Value { get; }

    /// <summary>The unit, when one was written and recognised.</summary>
    public UnitInfo? Unit { get; }

    /// <summary>The unit as written (empty when none).</summary>
    public string UnitText { get; }

    /// <summary>The quantity.</summary>
    public Quantity Quantity => new(Value, Unit);
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BoolExpr : Expr
{
    /// <summary>Creates the node.</summary>
    public BoolExpr(bool value, int offset, int length) : base(offset, length) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }
}

/// <summary><c>!operand</c>.</summary>
public sealed class NotExpr : Expr
{
    /// <summary>Creates the node.</summary>
    public NotExpr(Expr operand, int offset, int length) : base(offset, length) => Operand = operand;

    /// <summary>The negated condition.</summary>
    public Expr Operand { get; }
}

/// <summary><c>left &amp;&amp; right</c> or <c>left || right</c>.</summary>
public sealed class LogicalExpr : Expr
{
    /// <summary>Creates the node.</summary>
    public LogicalExpr(bool isAnd, Expr left, Expr right, int offset, int length) : base(offset, length)
    {
        IsAnd = isAnd;
        Left = left;
        Right = right;
    }

    /// <summary>True for &amp;&amp;, false for ||.</summary>
    public bool IsAnd { get; }

    /// <summary>Left operand.</summary>
    public Expr Left { get; }

    /// <summary>Right operand.</summary>
    public Expr Right { get; }
}

/// <summary>Comparison operators.</summary>
public enum CompareOp
{
    /// <summary>&lt;</summary>
    Less,
    /// <summary>&lt;=</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>&gt;=</summary>
    GreaterOrEqual,
}

/// <summary>A comparison, possibly chained: <c>a &lt; b &lt; c</c> means <c>a &lt; b &amp;&amp; b &lt; c</c>.</summary>
public sealed class CompareExpr : Expr
{
    /// <summary>Creates the node.</summary>
    public CompareExpr(IReadOnlyList<Expr> operands, IReadOnlyList<CompareOp> ops, int offset, int length) : base(offset, length)
    {
        Operands = operands;
        Ops = ops;
    }

    /// <summary>Operands, one more than <see cref="Ops"/>.</summary>
    public IReadOnlyList<Expr> Operands { get; }

    /// <summary>Operators between consecutive operands.</summary>
    public IReadOnlyList<CompareOp> Ops { get; }
}

/// <summary>Helpers for comparison operators.</summary>
public static class CompareOps
{
    /// <summary>The operator as written.</summary>
    public static string Text(CompareOp op) => op switch
    {
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        _ => ">=",
    };
}
