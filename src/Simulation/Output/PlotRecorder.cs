using System;
using System.Collections.Generic;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Output;

/// <summary>
/// Samples a run for the SVG plot into a fixed number of buckets (lowest cell minimum and highest cell
/// maximum per bucket, so short dips stay visible; SoC, temperature and current at the bucket's end).
/// Memory is fixed whatever the run length; a step allocates nothing.
/// </summary>
internal sealed class PlotRecorder : IRunObserver
{
    /// <summary>Most points per series.</summary>
    public const int MaxBuckets = 1500;

    private ChangeTracker? _tracker;
    private long _stepsPerBucket = 1;
    private long _inBucket;
    private double _min = double.MaxValue;
    private double _max = double.MinValue;

    public double[] Time { get; private set; } = Array.Empty<double>();
    public double[] CellMin { get; private set; } = Array.Empty<double>();
    public double[] CellMax { get; private set; } = Array.Empty<double>();
    public double[] Soc { get; private set; } = Array.Empty<double>();
    public double[] Temperature { get; private set; } = Array.Empty<double>();
    public double[] Current { get; private set; } = Array.Empty<double>();

    /// <summary>Points recorded.</summary>
    public int Count { get; private set; }

    /// <summary>Value of each tracked observable before the first step (the plot's starting levels).</summary>
    public Dictionary<string, string> Initial { get; } = new(StringComparer.Ordinal);

    /// <summary>Pre-alarm level setting in force (V), for the guide line; NaN when the product has none.</summary>
    public double PreAlarmLevel { get; private set; } = double.NaN;

    public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker)
    {
        var steps = scenario.DurationMs / scenario.StepMs + 1;
        _stepsPerBucket = Math.Max(1, (steps + MaxBuckets - 1) / MaxBuckets);
        var n = (int)(steps / _stepsPerBucket) + 2;
        Time = new double[n];
        CellMin = new double[n];
        CellMax = new double[n];
        Soc = new double[n];
        Temperature = new double[n];
        Current = new double[n];
        _tracker = tracker;
        for (var i = 0; i < scenario.Product.Settings.Count; i++)
        {
            if (scenario.Product.Settings[i].Name == "PreAlarmLevel") PreAlarmLevel = sim.Engine.GetSetting(i);
        }
    }

    public void Step(SystemSimulator sim, long nowMs, bool changed)
    {
        if (_tracker is { } tracker)
        {
            // The first step's state is where the plot's logic traces start.
            for (var i = 0; i < tracker.Tracked.Count; i++) Initial[tracker.Tracked[i].Name] = tracker.Tracked[i].Format(tracker.Last(i));
            _tracker = null;
        }
        var bank = sim.Bank;
        if (bank.CellMin < _min) _min = bank.CellMin;
        if (bank.CellMax > _max) _max = bank.CellMax;
        if (++_inBucket < _stepsPerBucket) return;
        Flush(sim, nowMs);
    }

    public void End(RunResult result, SystemSimulator sim)
    {
        if (_inBucket > 0) Flush(sim, result.SimulatedMs);
    }

    private void Flush(SystemSimulator sim, long nowMs)
    {
        if (Count >= Time.Length) return;
        Time[Count] = nowMs;
        CellMin[Count] = _min;
        CellMax[Count] = _max;
        Soc[Count] = sim.Bank.Soc * 100;
        Temperature[Count] = sim.Bank.Temperature;
        Current[Count] = sim.Bank.Current;
        Count++;
        _inBucket = 0;
        _min = double.MaxValue;
        _max = double.MinValue;
    }
}
