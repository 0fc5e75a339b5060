using System;
using System.Collections.Generic;
using System.Diagnostics;
using BmsRules.Simulation.Scenarios.Expectations;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;
using BmsRules.Products;

namespace BmsRules.Simulation.Scenarios.Running;

/// <summary>
/// Runs a scenario: builds the product's engine and the simulated system, applies the timeline,
/// steps until the end, records every change and decides every expectation. The step loop allocates
/// only when something changes.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> once. <paramref name="progress"/> gets the fraction done, about a hundred times per run.</summary>
    public static RunResult Run(Scenario scenario, IReadOnlyList<IRunObserver>? observers = null, Action<double>? progress = null)
    {
        observers ??= Array.Empty<IRunObserver>();
        var engine = ProductRegistry.Create(scenario.Product.ProductId);
        foreach (var (index, value) in scenario.Settings) engine.SetSetting(index, value);
        var sim = new SystemSimulator(engine, scenario.System);
        var catalog = new ObservableCatalog(scenario.Product);
        var tracker = new ChangeTracker(TrackedFor(catalog, scenario.System));
        foreach (var o in observers) o.Start(scenario, sim, tracker);

        var events = new List<SimEvent>();
        var timeline = scenario.Timeline;
        var pending = new List<Expectation>(scenario.Expectations);
        var ramps = new List<ActiveRamp>();
        var step = scenario.StepMs;
        var dt = step / 1000.0;
        var totalSteps = scenario.DurationMs / step + 1;
        var progressEvery = Math.Max(1, totalSteps / 100);
        var nextEvent = 0;
        var observerCount = observers.Count;
        var clock = Stopwatch.StartNew();

        long k = 0;
        for (; k < totalSteps; k++)
        {
            var now = k * step;
            while (nextEvent < timeline.Count && timeline[nextEvent].AtMs <= now)
            {
                Apply(timeline[nextEvent++], sim, now, ramps, events);
                sim.TouchInputs();
            }
            for (var i = ramps.Count - 1; i >= 0; i--)
            {
                if (ramps[i].Update(sim, now)) ramps.RemoveAt(i);
            }

            sim.Step(now, dt);
            var changed = tracker.Check(sim, now, events);

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var e = pending[i];
                if (now < e.FromMs) continue;
                // A condition on tracked observables cannot change in a step where none of them did.
                if (e.Started && !changed && e.ChangeDriven && now < e.ToMs) continue;
                e.Started = true;
                e.Observe(sim, now);
                if (e.Outcome == ExpectationOutcome.Pending) continue;
                pending.RemoveAt(i);
                if (e.Outcome == ExpectationOutcome.Failed) events.Add(Failure(e, sim, now));
            }
            for (var i = 0; i < observerCount; i++) observers[i].Step(sim, now, changed);
            if (progress is not null && k % progressEvery == 0) progress((double)k / totalSteps);
        }
        var end = (k - 1) * step;
        foreach (var e in pending)
        {
            e.Finish(sim, end);
            if (e.Outcome == ExpectationOutcome.Failed) events.Add(Failure(e, sim, end));
        }
        clock.Stop();
        progress?.Invoke(1);
        var result = new RunResult(scenario, events, k, end, clock.Elapsed, sim.Bank.CellCount, tracker.Initial());
        foreach (var o in observers) o.End(result, sim);
        return result;
    }

    /// <summary>The observables that make up the timeline: engine ones, the Multi, and the GX when there is one.</summary>
    private static List<Observable> TrackedFor(ObservableCatalog catalog, SystemConfiguration system)
    {
        var result = new List<Observable>();
        foreach (var o in catalog.Tracked)
        {
            if (o.Source == ObservableSource.Simulator)
            {
                var q = (SimQuantity)o.Index;
                if (q is SimQuantity.MultiState or SimQuantity.MultiVeBusError or SimQuantity.MultiBmsPresent or SimQuantity.MultiEmergency
                    && !system.Multi.Present) continue;
                if (q == SimQuantity.GxPowered && !system.Gx.Present) continue;
            }
            result.Add(o);
        }
        return result;
    }

    private static void Apply(TimelineEvent e, SystemSimulator sim, long now, List<ActiveRamp> ramps, List<SimEvent> events)
    {
        foreach (var action in e.Actions)
        {
            if (action.Target is { } target) ramps.RemoveAll(r => r.Control == target);
            if (action.Start(sim, now) is { } ramp) ramps.Add(ramp);
        }
        events.Add(new SimEvent(now, SimEventKind.Scenario, "scenario", "Scenario", null, e.Describe(), sim.CellMinReading, sim.CellMaxReading, sim.Bank.Soc * 100, e.Line));
    }

    private static SimEvent Failure(Expectation e, SystemSimulator sim, long now) =>
        new(now, SimEventKind.Expectation, e.Name, "Expectation failed", null, $"{e.Describe()} — {e.Detail}", sim.CellMinReading, sim.CellMaxReading, sim.Bank.Soc * 100, e.Line);
}
