using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BmsRules.Simulation.Observables;

namespace BmsRules.Simulation.Scenarios.Expectations;

/// <summary>What value an observable must have. Matching a double allocates nothing.</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(double value);

    /// <summary>The expected value as written, e.g. "High", "not PreAlarm", "&lt; 3.0 V".</summary>
    public abstract string Describe(Observable observable);
}

/// <summary>One of a set of enum values (or, negated, none of them).</summary>
internal sealed class EnumMatcher : ValueMatcher
{
    private readonly ulong _mask;
    private readonly bool _negated;

    public EnumMatcher(IReadOnlyList<int> indices, bool negated)
    {
        foreach (var i in indices) _mask |= 1UL << i;
        _negated = negated;
        Indices = indices;
    }

    public IReadOnlyList<int> Indices { get; }

    public override bool Matches(double value)
    {
        var i = (int)value;
        var hit = i >= 0 && i < 64 && (_mask & (1UL << i)) != 0;
        return hit != _negated;
    }

    public override string Describe(Observable observable)
    {
        var names = string.Join(" or ", Indices.Select(i => observable.Format(i)));
        return _negated ? "not " + names : names;
    }
}

/// <summary>True or false.</summary>
internal sealed class BoolMatcher : ValueMatcher
{
    private readonly bool _expected;

    public BoolMatcher(bool expected) => _expected = expected;

    public override bool Matches(double value) => (value != 0) == _expected;

    public override string Describe(Observable observable) => _expected ? "true" : "false";
}

/// <summary>Comparison operators of a number expectation.</summary>
internal enum Comparison : byte { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Between }

/// <summary>A number compared with a limit (or lying within a range), in the observable's unit.</summary>
internal sealed class NumberMatcher : ValueMatcher
{
    private readonly Comparison _op;
    private readonly double _a;
    private readonly double _b;
    private readonly double _tolerance;

    public NumberMatcher(Comparison op, double a, double b = 0)
    {
        _op = op;
        _a = a;
        _b = b;
        _tolerance = 1e-9 + Math.Abs(a) * 1e-9;
    }

    public override bool Matches(double v) => _op switch
    {
        Comparison.Equal => Math.Abs(v - _a) <= _tolerance,
        Comparison.NotEqual => !(Math.Abs(v - _a) <= _tolerance),
        Comparison.Less => v < _a,
        Comparison.LessOrEqual => v <= _a,
        Comparison.Greater => v > _a,
        Comparison.GreaterOrEqual => v >= _a,
        _ => v >= _a && v <= _b,
    };

    public override string Describe(Observable observable)
    {
        string F(double x) => observable.Format(x);
        return _op switch
        {
            Comparison.Equal => F(_a),
            Comparison.NotEqual => "!= " + F(_a),
            Comparison.Less => "< " + F(_a),
            Comparison.LessOrEqual => "<= " + F(_a),
            Comparison.Greater => "> " + F(_a),
            Comparison.GreaterOrEqual => ">= " + F(_a),
            _ => string.Create(CultureInfo.InvariantCulture, $"{F(_a)} .. {F(_b)}"),
        };
    }
}
