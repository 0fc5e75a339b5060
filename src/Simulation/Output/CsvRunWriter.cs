using System;
using System.Globalization;
using System.IO;
using System.Text;
using BmsRules.Simulation.Scenarios.Model;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;
using BmsRules.Simulation.Observables;

namespace BmsRules.Simulation.Output;

/// <summary>
/// Writes a run as CSV: time, the battery's quantities, and every tracked state/output/flag/LED/code.
/// One row per step with a change (plus the first and last), or one per step. Numbers are formatted
/// into a reused buffer, so a row allocates nothing.
/// </summary>
internal sealed class CsvRunWriter : IRunObserver, IDisposable
{
    private static readonly SimQuantity[] Quantities =
    {
        SimQuantity.CellMin, SimQuantity.CellMax, SimQuantity.BankVoltage, SimQuantity.BankCurrent, SimQuantity.Soc, SimQuantity.Temperature,
        SimQuantity.MultiChargeCurrent, SimQuantity.MultiDischargeCurrent, SimQuantity.SolarCurrent, SimQuantity.DcdcCurrent,
        SimQuantity.DcLoadCurrent, SimQuantity.BmsSupplyCurrent,
    };

    private readonly AtomicFile _file;
    private bool _ended;
    private readonly StreamWriter _writer;
    private readonly bool _everyStep;
    private readonly char[] _buffer = new char[64];
    private Observable[] _quantities = Array.Empty<Observable>();
    private ChangeTracker? _tracker;
    private long _lastWritten = -1;
    private long _lastStep;

    public CsvRunWriter(string path, bool everyStep)
    {
        _file = new AtomicFile(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        _everyStep = everyStep;
    }

    public void Start(Scenario scenario, SystemSimulator sim, ChangeTracker tracker)
    {
        _tracker = tracker;
        var catalog = new ObservableCatalog(scenario.Product);
        _quantities = new Observable[Quantities.Length];
        for (var i = 0; i < Quantities.Length; i++) _quantities[i] = catalog.Get(Quantities[i]);
        _writer.Write("time_s,time");
        foreach (var q in _quantities) _writer.Write("," + Header(q));
        foreach (var o in tracker.Tracked) _writer.Write("," + o.Name);
        _writer.WriteLine();
    }

    public void Step(SystemSimulator sim, long nowMs, bool changed)
    {
        _lastStep = nowMs;
        if (_everyStep || changed || _lastWritten < 0) Row(sim, nowMs);
    }

    /// <summary>Writes the last step too, so a changes-only file ends where the run ended.</summary>
    public void End(RunResult result, SystemSimulator sim)
    {
        _ = result;
        if (_lastWritten != _lastStep) Row(sim, _lastStep);
        _writer.Flush(); // into the file, which stays open for the commit
        _file.Commit();
        _ended = true;
    }

    /// <summary>Closes the file; a run that did not end leaves the previous file (if any) untouched.</summary>
    public void Dispose()
    {
        // A StreamWriter that leaves its stream open flushes again on every Dispose: only before the commit.
        if (!_ended) _writer.Dispose();
        _file.Dispose();
    }

    private void Row(SystemSimulator sim, long nowMs)
    {
        _lastWritten = nowMs;
        Number(nowMs / 1000.0, "0.0##");
        _writer.Write(',');
        _writer.Write(Scenarios.TimeText.Clock(nowMs));
        foreach (var q in _quantities)
        {
            _writer.Write(',');
            Number(ObservableReader.Read(sim, q), "0.####");
        }
        var tracked = _tracker!.Tracked;
        for (var i = 0; i < tracked.Count; i++)
        {
            _writer.Write(',');
            var o = tracked[i];
            var v = _tracker.Last(i);
            if (o.Kind == ValueKind.Enum && (int)v >= 0 && (int)v < o.ValueNames.Count) _writer.Write(o.ValueNames[(int)v]);
            else if (o.Kind == ValueKind.Bool) _writer.Write(v != 0 ? '1' : '0');
            else Number(v, "0.###");
        }
        _writer.WriteLine();
    }

    private void Number(double value, string format)
    {
        if (value.TryFormat(_buffer, out var written, format, CultureInfo.InvariantCulture)) _writer.Write(_buffer, 0, written);
        else _writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
    }

    private static string Header(Observable o) =>
        o.Name.Replace('.', '_') + (o.Unit switch { "V" => "_v", "A" => "_a", "%" => "_pct", "°C" => "_c", "mA" => "_ma", _ => "" });
}
