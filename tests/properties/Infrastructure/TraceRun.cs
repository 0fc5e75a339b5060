using System;
using System.Collections.Generic;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Properties.Infrastructure;

/// <summary>What the engine produced at one step of a trace.</summary>
public sealed class Observation
{
    internal Observation(int step, long time, double[] inputs, OutputLevel[] outputs, bool[] flags, int[] states,
        bool[] conditions, int[] tables, bool[] lit, ulong codes)
    {
        Step = step;
        Time = time;
        Inputs = inputs;
        Outputs = outputs;
        Flags = flags;
        States = states;
        Conditions = conditions;
        Tables = tables;
        Lit = lit;
        Codes = codes;
    }

    /// <summary>Step index in the trace.</summary>
    public int Step { get; }

    /// <summary>Engine time (ms).</summary>
    public long Time { get; }

    /// <summary>Inputs given at this step.</summary>
    public double[] Inputs { get; }

    /// <summary>Outputs, by spec index.</summary>
    public OutputLevel[] Outputs { get; }

    /// <summary>Flags, by spec index.</summary>
    public bool[] Flags { get; }

    /// <summary>Machine states, by spec index.</summary>
    public int[] States { get; }

    /// <summary>Conditions (thresholds then signals), by spec index.</summary>
    public bool[] Conditions { get; }

    /// <summary>Table values / LED patterns, by spec index.</summary>
    public int[] Tables { get; }

    /// <summary>LED lit flags, by table index.</summary>
    public bool[] Lit { get; }

    /// <summary>Active codes.</summary>
    public ulong Codes { get; }
}

/// <summary>
/// Runs a <see cref="Trace"/> on an engine and records every step, with name-based accessors so
/// properties read like the spec. An exception from the engine is recorded, not propagated (a
/// property can then assert that none happened).
/// </summary>
public sealed class TraceRun
{
    private TraceRun(EngineDescriptor descriptor, Trace trace, List<Observation> observations, Exception? error)
    {
        D = descriptor;
        Trace = trace;
        Observations = observations;
        Error = error;
    }

    /// <summary>The engine's descriptor.</summary>
    public EngineDescriptor D { get; }

    /// <summary>The trace that was run.</summary>
    public Trace Trace { get; }

    /// <summary>One observation per step.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>An exception the engine threw, if any (steps after it are not recorded).</summary>
    public Exception? Error { get; }

    /// <summary>Runs <paramref name="trace"/> on <paramref name="engine"/> from its power-up state.</summary>
    public static TraceRun Run(IRuleEngine engine, Trace trace)
    {
        var d = engine.Descriptor;
        var observations = new List<Observation>(trace.Steps.Count);
        var inputIndex = new int[trace.InputNames.Count];
        for (var i = 0; i < inputIndex.Length; i++) inputIndex[i] = d.Input(trace.InputNames[i]);
        try
        {
            engine.Reset();
            foreach (var (name, value) in trace.Settings) engine.SetSetting(d.Setting(name), value);
            long time = 0;
            for (var s = 0; s < trace.Steps.Count; s++)
            {
                var step = trace.Steps[s];
                time += step.DtMs;
                for (var i = 0; i < inputIndex.Length; i++) engine.SetInput(inputIndex[i], step.Inputs[i]);
                engine.Step(time);
                observations.Add(Observe(engine, d, s, time, step.Inputs));
            }
            return new TraceRun(d, trace, observations, null);
        }
        catch (Exception ex)
        {
            return new TraceRun(d, trace, observations, ex);
        }
    }

    private static Observation Observe(IRuleEngine engine, EngineDescriptor d, int step, long time, double[] inputs)
    {
        var outputs = new OutputLevel[d.Outputs.Count];
        for (var i = 0; i < outputs.Length; i++) outputs[i] = engine.GetOutput(i);
        var flags = new bool[d.Flags.Count];
        for (var i = 0; i < flags.Length; i++) flags[i] = engine.GetFlag(i);
        var states = new int[d.Machines.Count];
        for (var i = 0; i < states.Length; i++) states[i] = engine.GetState(i);
        var conditions = new bool[d.Conditions.Count];
        for (var i = 0; i < conditions.Length; i++) conditions[i] = engine.GetCondition(i);
        var tables = new int[d.Tables.Count];
        var lit = new bool[d.Tables.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = engine.GetTableValue(i);
            lit[i] = engine.IsLedLit(i);
        }
        return new Observation(step, time, inputs, outputs, flags, states, conditions, tables, lit, engine.ActiveCodes);
    }

    /// <summary>Input value by name.</summary>
    public double Input(Observation o, string name) => o.Inputs[IndexOfInput(name)];

    /// <summary>Output by name.</summary>
    public OutputLevel Output(Observation o, string name) => o.Outputs[D.Output(name)];

    /// <summary>Flag by name.</summary>
    public bool Flag(Observation o, string name) => o.Flags[D.Flag(name)];

    /// <summary>Condition by name.</summary>
    public bool Condition(Observation o, string name) => o.Conditions[D.Condition(name)];

    /// <summary>State name of a machine.</summary>
    public string State(Observation o, string machine)
    {
        var m = D.Machine(machine);
        return D.Machines[m].States[o.States[m]].Name;
    }

    /// <summary>Value or pattern name of a table or LED.</summary>
    public string Table(Observation o, string table)
    {
        var t = D.Table(table);
        return D.Tables[t].Values[o.Tables[t]];
    }

    /// <summary>Whether a code (id or name) is active.</summary>
    public bool Code(Observation o, string idOrName) => (o.Codes & (1UL << D.Code(idOrName))) != 0;

    /// <summary>A setting's value as the trace set it (or its default).</summary>
    public double Setting(string name)
    {
        foreach (var (n, v) in Trace.Settings) if (n == name) return v;
        return D.Settings[D.Setting(name)].Default;
    }

    /// <summary>Whether a number input's value is inside its valid range (NaN and ±∞ never are).</summary>
    public bool Valid(Observation o, string input)
    {
        var descriptor = D.Inputs[D.Input(input)];
        var value = Input(o, input);
        return value >= descriptor.Min && value <= descriptor.Max;
    }

    private int IndexOfInput(string name)
    {
        for (var i = 0; i < Trace.InputNames.Count; i++) if (Trace.InputNames[i] == name) return i;
        throw new ArgumentException($"The trace has no input '{name}'.");
    }

    /// <summary>A one-line description of an observation for failure messages.</summary>
    public string Describe(Observation o) =>
        $"step #{o.Step} t={o.Time} ms: ATD={Output(o, V2.Atd)} ATC={Output(o, V2.Atc)} PA={Output(o, V2.PreAlarm)} " +
        $"System={State(o, "System")} Health={State(o, "Health")} Discharge={State(o, "Discharge")} codes=0x{o.Codes:X}";
}
