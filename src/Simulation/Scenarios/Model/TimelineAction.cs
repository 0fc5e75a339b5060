using System.Globalization;
using BmsRules.Simulation.Scenarios.Controls;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Model;

/// <summary>One thing a timeline event does.</summary>
internal abstract class TimelineAction
{
    /// <summary>Performs it at <paramref name="nowMs"/>; a ramp returns its running state (else null).</summary>
    public abstract ActiveRamp? Start(SystemSimulator sim, long nowMs);

    /// <summary>How the timeline shows it.</summary>
    public abstract string Describe();

    /// <summary>The control it acts on, if any (a new action on a control ends a running ramp of it).</summary>
    public virtual Control? Target => null;
}

/// <summary>Sets a control.</summary>
internal sealed class SetAction : TimelineAction
{
    public SetAction(Control control, ControlValue value)
    {
        Control = control;
        Value = value;
    }

    public Control Control { get; }

    public ControlValue Value { get; }

    public override Control? Target => Control;

    public override ActiveRamp? Start(SystemSimulator sim, long nowMs)
    {
        Control.Apply(sim, Value);
        return null;
    }

    public override string Describe() => $"{Control.Name} {Control.Format(Value)}";
}

/// <summary>Moves a control linearly from its value in force to <see cref="Value"/> over <see cref="OverMs"/>.</summary>
internal sealed class RampAction : TimelineAction
{
    public RampAction(Control control, ControlValue value, long overMs)
    {
        Control = control;
        Value = value;
        OverMs = overMs;
    }

    public Control Control { get; }

    public ControlValue Value { get; }

    public long OverMs { get; }

    public override Control? Target => Control;

    public override ActiveRamp? Start(SystemSimulator sim, long nowMs)
    {
        var from = Control.Read(sim);
        var start = from.Value;
        if (Control.Type == ControlType.Demand && from.IsPower != Value.IsPower)
        {
            // Ramping from amps to watts (or back): start from the present value in the target's unit.
            var demand = new Demand(from.Value, from.IsPower);
            start = Value.IsPower ? demand.Watts(sim.Bank.Voltage) : demand.Amps(sim.Bank.Voltage);
        }
        return new ActiveRamp(Control, start, Value, nowMs, OverMs);
    }

    public override string Describe() => $"{Control.Name} → {Control.Format(Value)} over {TimeText.Span(OverMs)}";
}

/// <summary>A ramp in progress; <see cref="Update"/> runs every step without allocating.</summary>
internal sealed class ActiveRamp
{
    private readonly double _from;
    private readonly ControlValue _to;
    private readonly long _startMs;
    private readonly long _overMs;

    public ActiveRamp(Control control, double from, ControlValue to, long startMs, long overMs)
    {
        Control = control;
        _from = from;
        _to = to;
        _startMs = startMs;
        _overMs = overMs;
    }

    public Control Control { get; }

    /// <summary>Applies the value for <paramref name="nowMs"/>; true when the ramp is done.</summary>
    public bool Update(SystemSimulator sim, long nowMs)
    {
        var f = _overMs <= 0 ? 1 : (double)(nowMs - _startMs) / _overMs;
        if (f >= 1)
        {
            Control.Apply(sim, _to);
            return true;
        }
        Control.Apply(sim, new ControlValue(_from + (_to.Value - _from) * f, _to.IsPower));
        return false;
    }
}

/// <summary>Shifts one cell's state of charge (imbalance injection).</summary>
internal sealed class ImbalanceAction : TimelineAction
{
    public ImbalanceAction(int battery, int cell, double socDelta)
    {
        Battery = battery;
        Cell = cell;
        SocDelta = socDelta;
    }

    public int Battery { get; }

    public int Cell { get; }

    public double SocDelta { get; }

    public override ActiveRamp? Start(SystemSimulator sim, long nowMs)
    {
        sim.Bank.ShiftCellSoc(Battery, Cell, SocDelta);
        return null;
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"imbalance battery {Battery} cell {Cell} {SocDelta * 100:+0.##;-0.##} %");
}
