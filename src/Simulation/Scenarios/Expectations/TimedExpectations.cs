using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Expectations;

/// <summary><c>at: T</c> — the condition holds after the first step at or after T.</summary>
internal sealed class AtExpectation : Expectation
{
    private readonly Condition _condition;

    public AtExpectation(string name, long line, long column, long atMs, Condition condition)
        : base(name, line, column, atMs, atMs) => _condition = condition;

    public override string Describe() => $"at {TimeText.Clock(FromMs)}: {_condition.Expected()}";

    public override void Observe(SystemSimulator sim, long nowMs)
    {
        if (_condition.Holds(sim)) Pass(nowMs, _condition.Observed(sim));
        else Fail(nowMs, _condition.Observed(sim));
    }

    public override void Finish(SystemSimulator sim, long endMs) => Fail(endMs, "the run ended before " + TimeText.Clock(FromMs));
}

/// <summary><c>within: [A, B]</c> — the condition holds at some step between A and B.</summary>
internal sealed class WithinExpectation : Expectation
{
    private readonly Condition _condition;

    public WithinExpectation(string name, long line, long column, long fromMs, long toMs, Condition condition)
        : base(name, line, column, fromMs, toMs) => _condition = condition;

    public override bool ChangeDriven => _condition.ChangeDriven;

    public override string Describe() => $"within {TimeText.Clock(FromMs)} – {TimeText.Clock(ToMs)}: {_condition.Expected()}";

    public override void Observe(SystemSimulator sim, long nowMs)
    {
        if (_condition.Holds(sim)) Pass(nowMs, _condition.Observed(sim));
        else if (nowMs >= ToMs) Fail(nowMs, "never held in the window; at its end: " + _condition.Observed(sim));
    }

    public override void Finish(SystemSimulator sim, long endMs) => Fail(endMs, "never held before the run ended; at the end: " + _condition.Observed(sim));
}

/// <summary><c>always: [A, B]</c> — the condition holds at every step between A and B.</summary>
internal sealed class AlwaysExpectation : Expectation
{
    private readonly Condition _condition;

    public AlwaysExpectation(string name, long line, long column, long fromMs, long toMs, Condition condition)
        : base(name, line, column, fromMs, toMs) => _condition = condition;

    public override bool ChangeDriven => _condition.ChangeDriven;

    public override string Describe() => $"always {TimeText.Clock(FromMs)} – {TimeText.Clock(ToMs)}: {_condition.Expected()}";

    public override void Observe(SystemSimulator sim, long nowMs)
    {
        if (!_condition.Holds(sim)) Fail(nowMs, _condition.Observed(sim));
        else if (nowMs >= ToMs) Pass(nowMs, "held throughout");
    }

    public override void Finish(SystemSimulator sim, long endMs) => Pass(endMs, "held throughout");
}

/// <summary><c>never: [A, B]</c> — the condition holds at no step between A and B.</summary>
internal sealed class NeverExpectation : Expectation
{
    private readonly Condition _condition;

    public NeverExpectation(string name, long line, long column, long fromMs, long toMs, Condition condition)
        : base(name, line, column, fromMs, toMs) => _condition = condition;

    public override bool ChangeDriven => _condition.ChangeDriven;

    public override string Describe() => $"never {TimeText.Clock(FromMs)} – {TimeText.Clock(ToMs)}: {_condition.Expected()}";

    public override void Observe(SystemSimulator sim, long nowMs)
    {
        if (_condition.Holds(sim)) Fail(nowMs, _condition.Observed(sim));
        else if (nowMs >= ToMs) Pass(nowMs, "never held");
    }

    public override void Finish(SystemSimulator sim, long endMs) => Pass(endMs, "never held");
}
