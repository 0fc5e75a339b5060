using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Expectations;

/// <summary>Where an expectation stands.</summary>
internal enum ExpectationOutcome : byte { Pending, Passed, Failed }

/// <summary>
/// A checked statement about a run. The runner calls <see cref="Observe"/> after every step from
/// <see cref="FromMs"/> until it is decided, then <see cref="Finish"/> at the end of the run. Observing
/// allocates nothing until the expectation is decided.
/// </summary>
internal abstract class Expectation
{
    protected Expectation(string name, long line, long column, long fromMs, long toMs)
    {
        Name = name;
        Line = line;
        Column = column;
        FromMs = fromMs;
        ToMs = toMs;
    }

    /// <summary>Its name, or "line N" when the scenario gives none.</summary>
    public string Name { get; }

    /// <summary>Its line in the scenario file.</summary>
    public long Line { get; }

    /// <summary>Its column in the scenario file.</summary>
    public long Column { get; }

    /// <summary>First time it looks at.</summary>
    public long FromMs { get; }

    /// <summary>Last time it looks at.</summary>
    public long ToMs { get; }

    public ExpectationOutcome Outcome { get; private set; }

    /// <summary>Whether it only needs observing in steps where a tracked observable changed (and at its first and last step).</summary>
    public virtual bool ChangeDriven => false;

    /// <summary>Set by the runner once it has been observed.</summary>
    public bool Started { get; set; }

    /// <summary>When it was decided.</summary>
    public long DecidedAtMs { get; private set; }

    /// <summary>The observed values when it was decided, and why.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>What it states, e.g. "at 00:30:00.0: output.PreAlarm High".</summary>
    public abstract string Describe();

    /// <summary>Looks at the state after the step at <paramref name="nowMs"/>.</summary>
    public abstract void Observe(SystemSimulator sim, long nowMs);

    /// <summary>Decides a still pending expectation at the end of the run.</summary>
    public abstract void Finish(SystemSimulator sim, long endMs);

    protected void Pass(long nowMs, string detail) => Decide(ExpectationOutcome.Passed, nowMs, detail);

    protected void Fail(long nowMs, string detail) => Decide(ExpectationOutcome.Failed, nowMs, detail);

    private void Decide(ExpectationOutcome outcome, long nowMs, string detail)
    {
        Outcome = outcome;
        DecidedAtMs = nowMs;
        Detail = detail;
    }
}
