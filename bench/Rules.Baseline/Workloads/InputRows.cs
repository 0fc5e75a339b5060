using System;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Baseline.Workloads;

/// <summary>
/// A trace of typed V2 inputs as rows of doubles for the index-based API and the controller's
/// input sources: row r, column c is input c (descriptor order) of reading r. Bools are 1/0 and the
/// sequence is its counter value, as <see cref="BmsRules.Runtime.IRuleEngine.SetInput"/> expects.
/// Built once, before anything is measured.
/// </summary>
public sealed class InputRows
{
    private InputRows(double[] values, int width, int count)
    {
        Values = values;
        Width = width;
        Count = count;
    }

    /// <summary>Row-major values, <see cref="Count"/> × <see cref="Width"/>.</summary>
    public double[] Values { get; }

    /// <summary>Inputs per row (the descriptor's input count).</summary>
    public int Width { get; }

    /// <summary>Number of rows (readings).</summary>
    public int Count { get; }

    /// <summary>Lays <paramref name="trace"/> out by the input names of <paramref name="descriptor"/>.</summary>
    public static InputRows From(EngineDescriptor descriptor, VeBusBmsV2Inputs[] trace)
    {
        var width = descriptor.Inputs.Count;
        var values = new double[trace.Length * width];
        for (var c = 0; c < width; c++)
        {
            var read = Column(descriptor.Inputs[c].Name);
            for (var r = 0; r < trace.Length; r++) values[r * width + c] = read(trace[r]);
        }
        return new InputRows(values, width, trace.Length);
    }

    private static Func<VeBusBmsV2Inputs, double> Column(string name) => name switch
    {
        "CellMinVoltage" => x => x.CellMinVoltage,
        "CellMaxVoltage" => x => x.CellMaxVoltage,
        "BatteryTemperature" => x => x.BatteryTemperature,
        "BatteryDataSequence" => x => x.BatteryDataSequence,
        "BatteryVoltage" => x => x.BatteryVoltage,
        "RemoteLoopClosed" => x => x.RemoteLoopClosed ? 1 : 0,
        "RemoteLVoltage" => x => x.RemoteLVoltage,
        "RemoteHVoltage" => x => x.RemoteHVoltage,
        "AuxInVoltage" => x => x.AuxInVoltage,
        "MultiOn" => x => x.MultiOn ? 1 : 0,
        "Bootloader" => x => x.Bootloader ? 1 : 0,
        "BtvAllowCharge" => x => x.BtvAllowCharge ? 1 : 0,
        "BtvAllowDischarge" => x => x.BtvAllowDischarge ? 1 : 0,
        "BtvPreAlarm" => x => x.BtvPreAlarm ? 1 : 0,
        _ => throw new ArgumentException($"Input '{name}' is not in VeBusBmsV2Inputs; update {nameof(InputRows)}.", nameof(name)),
    };
}
