using System.Collections.Generic;
using System.Linq;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;

namespace BmsRules.Simulation.Scenarios.Expectations;

/// <summary>One observable with the value it must have.</summary>
internal sealed record Clause(Observable Observable, ValueMatcher Matcher)
{
    public bool Holds(SystemSimulator sim) => Matcher.Matches(ObservableReader.Read(sim, Observable));

    public override string ToString() => $"{Observable.Name} {Matcher.Describe(Observable)}";
}

/// <summary>All clauses together (a conjunction). <see cref="Holds"/> allocates nothing.</summary>
internal sealed class Condition
{
    private readonly Clause[] _clauses;

    public Condition(IReadOnlyList<Clause> clauses)
    {
        _clauses = clauses.ToArray();
        ChangeDriven = _clauses.All(c => IsChangeDriven(c.Observable));
    }

    /// <summary>
    /// True when every observable is one whose changes the timeline tracks (engine states, outputs,
    /// flags, zones, tables, LEDs, codes; the Multi's state and whether it hears the BMS; BMS and GX power): then the condition can
    /// only change in a step where the timeline records a change, and need not be evaluated otherwise.
    /// </summary>
    public bool ChangeDriven { get; }

    private static bool IsChangeDriven(Observable o) => o.Source switch
    {
        ObservableSource.State or ObservableSource.Output or ObservableSource.Flag or ObservableSource.Zone or ObservableSource.Table
            or ObservableSource.Led or ObservableSource.TableNumber or ObservableSource.Code or ObservableSource.PrimaryCode => true,
        ObservableSource.Simulator => (SimQuantity)o.Index is SimQuantity.MultiState or SimQuantity.MultiOn or SimQuantity.MultiVeBusError
            or SimQuantity.BmsPowered or SimQuantity.GxPowered or SimQuantity.MultiBmsPresent or SimQuantity.MultiEmergency,
        _ => false,
    };

    public IReadOnlyList<Clause> Clauses => _clauses;

    public bool Holds(SystemSimulator sim)
    {
        foreach (var c in _clauses)
        {
            if (!c.Holds(sim)) return false;
        }
        return true;
    }

    /// <summary>"output.PreAlarm High, state.Discharge PreAlarm".</summary>
    public string Expected() => string.Join(", ", _clauses.Select(c => c.ToString()));

    /// <summary>What each observable is now: "output.PreAlarm = Floating (expected High)".</summary>
    public string Observed(SystemSimulator sim) => string.Join(", ", _clauses.Select(c =>
    {
        var value = ObservableReader.Read(sim, c.Observable);
        var text = $"{c.Observable.Name} = {c.Observable.Format(value)}";
        return c.Matcher.Matches(value) ? text : $"{text} (expected {c.Matcher.Describe(c.Observable)})";
    }));
}
