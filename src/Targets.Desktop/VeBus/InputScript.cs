using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Desktop.VeBus;

/// <summary>One scripted change: at engine time <see cref="AtMs"/>, input <see cref="Input"/> takes <see cref="Value"/>.</summary>
public sealed record ScriptedInput(long AtMs, int Input, string Name, double Value);

/// <summary>
/// Inputs for a BMS run: a starting set (the healthy V2 inputs, then <c>--set</c> overrides) and timed changes,
/// one line each: <c>TIME NAME=VALUE [NAME=VALUE…]</c>, TIME with its unit (<c>2s</c>, <c>1500ms</c>), values
/// numbers or <c>true</c>/<c>false</c>, <c>#</c> starts a comment. Times are engine time.
/// </summary>
public sealed class InputScript
{
    private readonly List<ScriptedInput> _changes;
    private int _next;

    private InputScript(double[] start, List<ScriptedInput> changes)
    {
        Start = start;
        _changes = changes;
    }

    /// <summary>The input vector before the first change, by spec index (NaN where unset).</summary>
    public double[] Start { get; }

    /// <summary>The timed changes, in time order.</summary>
    public IReadOnlyList<ScriptedInput> Changes => _changes;

    /// <summary>
    /// The healthy VE.Bus BMS V2 inputs (cells 3.30/3.35 V, 20 °C, 13.2 V, remote loop closed, Multi on, no boot
    /// loader, BTV signals good), for the inputs the product has, then <paramref name="overrides"/>
    /// (<c>NAME=VALUE</c>), then <paramref name="scriptText"/>. Throws <see cref="FormatException"/> naming the line and the problem.
    /// </summary>
    public static InputScript Parse(EngineDescriptor descriptor, IEnumerable<string> overrides, string? scriptText)
    {
        var start = new double[descriptor.Inputs.Count];
        Array.Fill(start, double.NaN);
        foreach (var (name, value) in Healthy)
        {
            var index = Find(descriptor, name);
            if (index >= 0) start[index] = value;
        }
        foreach (var text in overrides)
        {
            var (index, value) = Assignment(descriptor, text, "--set");
            start[index] = value;
        }

        var changes = new List<ScriptedInput>();
        if (scriptText is not null)
        {
            using var reader = new StringReader(scriptText);
            var number = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                number++;
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                if (hash >= 0) line = line.Substring(0, hash);
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                var where = $"script line {number}";
                if (parts.Length == 1) throw new FormatException($"{where}: '{parts[0]}' needs at least one NAME=VALUE after the time.");
                var at = Time(parts[0], where);
                for (var i = 1; i < parts.Length; i++)
                {
                    var (index, value) = Assignment(descriptor, parts[i], where);
                    changes.Add(new ScriptedInput(at, index, descriptor.Inputs[index].Name, value));
                }
            }
        }
        // Stable: changes at the same time keep their order in the script.
        return new InputScript(start, changes.OrderBy(c => c.AtMs).ToList());
    }

    /// <summary>The changes due at or before <paramref name="engineMs"/> that were not yet taken.</summary>
    public IEnumerable<ScriptedInput> Due(long engineMs)
    {
        while (_next < _changes.Count && _changes[_next].AtMs <= engineMs) yield return _changes[_next++];
    }

    private static readonly (string Name, double Value)[] Healthy =
    {
        ("CellMinVoltage", 3.30), ("CellMaxVoltage", 3.35), ("BatteryTemperature", 20), ("BatteryVoltage", 13.2),
        ("RemoteLoopClosed", 1), ("RemoteLVoltage", 13.2), ("RemoteHVoltage", 0), ("AuxInVoltage", 0), ("MultiOn", 1),
        ("Bootloader", 0), ("BtvAllowCharge", 1), ("BtvAllowDischarge", 1), ("BtvPreAlarm", 0),
    };

    private static long Time(string text, string where)
    {
        var (digits, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : throw new FormatException($"{where}: time '{text}' needs a unit (ms or s), e.g. 2s or 1500ms.");
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            throw new FormatException($"{where}: '{text}' is not a time.");
        }
        return (long)Math.Round(value * scale);
    }

    private static (int Index, double Value) Assignment(EngineDescriptor descriptor, string text, string where)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new FormatException($"{where}: '{text}' is not NAME=VALUE.");
        var name = text.Substring(0, eq);
        var valueText = text.Substring(eq + 1);
        var index = Find(descriptor, name);
        if (index < 0)
        {
            var names = new string[descriptor.Inputs.Count];
            for (var i = 0; i < names.Length; i++) names[i] = descriptor.Inputs[i].Name;
            throw new FormatException($"{where}: {descriptor.DisplayName} has no input '{name}'. Known: {string.Join(", ", names)}.");
        }
        double value;
        if (valueText.Equals("true", StringComparison.OrdinalIgnoreCase)) value = 1;
        else if (valueText.Equals("false", StringComparison.OrdinalIgnoreCase)) value = 0;
        else if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new FormatException($"{where}: '{valueText}' is not a number or true/false (input {name}).");
        }
        return (index, value);
    }

    private static int Find(EngineDescriptor descriptor, string name)
    {
        for (var i = 0; i < descriptor.Inputs.Count; i++)
        {
            if (descriptor.Inputs[i].Name == name) return i;
        }
        return -1;
    }
}
