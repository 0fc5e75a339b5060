using System.Collections.Generic;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;

namespace BmsRules.Simulation.Scenarios.Running;

/// <summary>
/// Watches the tracked observables and reports each change. Comparing allocates nothing and reads
/// the engine in tight loops per kind (outputs, flags, states, zones, tables and LEDs, and all codes at
/// once through the active-code mask), because it runs after every one of millions of steps; only a
/// change creates an event.
/// </summary>
internal sealed class ChangeTracker
{
    private readonly Observable[] _tracked;
    private readonly double[] _last;
    private readonly int[] _outputs;
    private readonly int[] _flags;
    private readonly int[] _states;
    private readonly int[] _zones;
    private readonly int[] _tables;
    private readonly int[] _others;
    private readonly int[] _codeSlot = new int[64];
    private ulong _codes;
    private bool _started;
    private IReadOnlyList<(Observable, string)> _initial = new List<(Observable, string)>();

    public ChangeTracker(IReadOnlyList<Observable> tracked)
    {
        _tracked = new Observable[tracked.Count];
        _last = new double[tracked.Count];
        List<int> outputs = new(), flags = new(), states = new(), zones = new(), tables = new(), others = new();
        for (var i = 0; i < 64; i++) _codeSlot[i] = -1;
        for (var i = 0; i < tracked.Count; i++)
        {
            var o = tracked[i];
            _tracked[i] = o;
            switch (o.Source)
            {
                case ObservableSource.Output: outputs.Add(i); break;
                case ObservableSource.Flag: flags.Add(i); break;
                case ObservableSource.State: states.Add(i); break;
                case ObservableSource.Zone: zones.Add(i); break;
                case ObservableSource.Table or ObservableSource.Led: tables.Add(i); break;
                case ObservableSource.Code: _codeSlot[o.Index] = i; break;
                default: others.Add(i); break;
            }
        }
        _outputs = outputs.ToArray();
        _flags = flags.ToArray();
        _states = states.ToArray();
        _zones = zones.ToArray();
        _tables = tables.ToArray();
        _others = others.ToArray();
        _outputIndex = EngineIndices(_outputs);
        _flagIndex = EngineIndices(_flags);
        _stateIndex = EngineIndices(_states);
        _zoneIndex = EngineIndices(_zones);
        _tableIndex = EngineIndices(_tables);
        // Numeric tables follow their value index (engine change); other simulator observables that
        // are not among those SystemChanged covers must be read every step.
        foreach (var i in _others)
        {
            var o = _tracked[i];
            if (o.Source == ObservableSource.TableNumber) continue;
            if (o.Source == ObservableSource.Simulator && (SimQuantity)o.Index is SimQuantity.MultiState or SimQuantity.MultiVeBusError
                or SimQuantity.BmsPowered or SimQuantity.GxPowered or SimQuantity.MultiBmsPresent or SimQuantity.MultiEmergency) continue;
            _othersAlways = true;
        }
    }

    private readonly bool _othersAlways;

    private readonly int[] _outputIndex;
    private readonly int[] _flagIndex;
    private readonly int[] _stateIndex;
    private readonly int[] _zoneIndex;
    private readonly int[] _tableIndex;

    private int[] EngineIndices(int[] slots)
    {
        var result = new int[slots.Length];
        for (var k = 0; k < slots.Length; k++) result[k] = _tracked[slots[k]].Index;
        return result;
    }

    /// <summary>The tracked observables.</summary>
    public IReadOnlyList<Observable> Tracked => _tracked;

    /// <summary>The last value seen of tracked observable <paramref name="i"/>.</summary>
    public double Last(int i) => _last[i];

    /// <summary>The baseline: (observable, value) after the first step.</summary>
    public IReadOnlyList<(Observable Observable, string Value)> Initial() => _initial;

    /// <summary>
    /// Compares with the last step; adds an event to <paramref name="events"/> per change. True when anything
    /// changed. The first call only takes the baseline (the state after the first step).
    /// </summary>
    public bool Check(SystemSimulator sim, long nowMs, List<SimEvent> events)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _tracked.Length; i++) _last[i] = ObservableReader.Read(sim, _tracked[i]);
            _codes = sim.ActiveCodes;
            var initial = new List<(Observable, string)>();
            for (var i = 0; i < _tracked.Length; i++) initial.Add((_tracked[i], _tracked[i].Format(_last[i])));
            _initial = initial;
            return true;
        }
        var changed = false;
        if (sim.EngineChanged) changed |= CheckEngine(sim, nowMs, events);
        if (sim.EngineChanged || sim.SystemChanged || _othersAlways)
        {
            foreach (var i in _others)
            {
                var v = ObservableReader.Read(sim, _tracked[i]);
                var before = _last[i];
                if (v != before && !(double.IsNaN(v) && double.IsNaN(before))) changed |= Report(i, v, sim, nowMs, events);
            }
        }
        return changed;
    }

    /// <summary>The engine's observables: only needed in steps where the engine changed something.</summary>
    private bool CheckEngine(SystemSimulator sim, long nowMs, List<SimEvent> events)
    {
        var changed = false;
        for (var k = 0; k < _states.Length; k++)
        {
            double v = sim.State(_stateIndex[k]);
            var i = _states[k];
            if (v != _last[i]) changed |= Report(i, v, sim, nowMs, events);
        }
        for (var k = 0; k < _outputs.Length; k++)
        {
            var v = (double)sim.Output(_outputIndex[k]);
            var i = _outputs[k];
            if (v != _last[i]) changed |= Report(i, v, sim, nowMs, events);
        }
        for (var k = 0; k < _flags.Length; k++)
        {
            var v = sim.Flag(_flagIndex[k]) ? 1.0 : 0.0;
            var i = _flags[k];
            if (v != _last[i]) changed |= Report(i, v, sim, nowMs, events);
        }
        for (var k = 0; k < _zones.Length; k++)
        {
            double v = sim.Zone(_zoneIndex[k]);
            var i = _zones[k];
            if (v != _last[i]) changed |= Report(i, v, sim, nowMs, events);
        }
        for (var k = 0; k < _tables.Length; k++)
        {
            double v = sim.TableValue(_tableIndex[k]);
            var i = _tables[k];
            if (v != _last[i]) changed |= Report(i, v, sim, nowMs, events);
        }
        var codes = sim.ActiveCodes;
        if (codes != _codes)
        {
            var diff = codes ^ _codes;
            _codes = codes;
            for (var bit = 0; bit < 64; bit++)
            {
                if ((diff & (1UL << bit)) == 0 || _codeSlot[bit] < 0) continue;
                changed |= Report(_codeSlot[bit], (codes & (1UL << bit)) != 0 ? 1 : 0, sim, nowMs, events);
            }
        }
        return changed;
    }

    private bool Report(int i, double value, SystemSimulator sim, long nowMs, List<SimEvent> events)
    {
        var o = _tracked[i];
        var before = _last[i];
        _last[i] = value;
        string from, to;
        if (o.Source == ObservableSource.Code)
        {
            from = value != 0 ? "cleared" : "raised";
            to = value != 0 ? "raised" : "cleared";
        }
        else
        {
            from = o.Format(before);
            to = o.Format(value);
        }
        events.Add(new SimEvent(nowMs, SimEventKind.Change, o.Name, o.Label, from, to, sim.CellMinReading, sim.CellMaxReading, sim.Bank.Soc * 100));
        return true;
    }
}
