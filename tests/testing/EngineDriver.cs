using System;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Testing;

/// <summary>
/// Drives any engine by spec names, with its own clock: set inputs, step, read results. Keeps the
/// battery data fresh (increments the sequence input each step) unless told otherwise.
/// </summary>
public sealed class EngineDriver
{
    private readonly int _sequenceInput;
    private uint _sequence;

    /// <summary>Wraps <paramref name="engine"/>; time starts at <paramref name="startMs"/>.</summary>
    public EngineDriver(IRuleEngine engine, long startMs = 0)
    {
        Engine = engine;
        Now = startMs;
        _sequenceInput = -1;
        for (var i = 0; i < D.Inputs.Count; i++)
        {
            if (D.Inputs[i].Kind == InputKind.Sequence) _sequenceInput = i;
        }
    }

    /// <summary>The engine.</summary>
    public IRuleEngine Engine { get; }

    /// <summary>Its descriptor.</summary>
    public EngineDescriptor D => Engine.Descriptor;

    /// <summary>The time of the last step.</summary>
    public long Now { get; private set; }

    /// <summary>Whether each step counts as a fresh battery-data reading.</summary>
    public bool FreshData { get; set; } = true;

    /// <summary>Sets an input by name (bools: true = 1).</summary>
    public EngineDriver Set(string input, double value)
    {
        Engine.SetInput(D.Input(input), value);
        return this;
    }

    /// <summary>Sets a bool input by name.</summary>
    public EngineDriver Set(string input, bool value) => Set(input, value ? 1 : 0);

    /// <summary>Sets a setting by name.</summary>
    public EngineDriver Setting(string name, double value)
    {
        Engine.SetSetting(D.Setting(name), value);
        return this;
    }

    /// <summary>Advances time by <paramref name="dtMs"/> and steps once.</summary>
    public EngineDriver Step(long dtMs = 100)
    {
        Now += dtMs;
        if (FreshData && _sequenceInput >= 0)
        {
            _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
            Engine.SetInput(_sequenceInput, _sequence);
        }
        Engine.Step(Now);
        return this;
    }

    /// <summary>Steps every <paramref name="dtMs"/> for <paramref name="durationMs"/>.</summary>
    public EngineDriver Run(long durationMs, long dtMs = 100)
    {
        for (long t = 0; t < durationMs; t += dtMs) Step(dtMs);
        return this;
    }

    /// <summary>An output by name.</summary>
    public OutputLevel Output(string name) => Engine.GetOutput(D.Output(name));

    /// <summary>A flag by name.</summary>
    public bool Flag(string name) => Engine.GetFlag(D.Flag(name));

    /// <summary>A threshold or signal by name.</summary>
    public bool Condition(string name) => Engine.GetCondition(D.Condition(name));

    /// <summary>The current state name of a machine.</summary>
    public string State(string machine)
    {
        var index = D.Machine(machine);
        return D.Machines[index].States[Engine.GetState(index)].Name;
    }

    /// <summary>The current value or pattern name of a table or LED.</summary>
    public string Table(string name)
    {
        var index = D.Table(name);
        return D.Tables[index].Values[Engine.GetTableValue(index)];
    }

    /// <summary>Whether an LED is lit now.</summary>
    public bool Lit(string led) => Engine.IsLedLit(D.Table(led));

    /// <summary>Whether a code (by id or name) is active.</summary>
    public bool Code(string idOrName) => (Engine.ActiveCodes & (1UL << D.Code(idOrName))) != 0;

    /// <summary>
    /// Sets the inputs of a healthy VE.Bus BMS V2 system: cells 3.30/3.35 V, 20 °C, 13.2 V, remote loop
    /// closed, Multi on, no boot loader, BTV signals all good.
    /// </summary>
    public EngineDriver HealthyV2()
    {
        Set("CellMinVoltage", 3.30).Set("CellMaxVoltage", 3.35).Set("BatteryTemperature", 20)
            .Set("BatteryVoltage", 13.2).Set("RemoteLoopClosed", true).Set("RemoteLVoltage", 13.2)
            .Set("RemoteHVoltage", 0).Set("AuxInVoltage", 0).Set("MultiOn", true).Set("Bootloader", false)
            .Set("BtvAllowCharge", true).Set("BtvAllowDischarge", true).Set("BtvPreAlarm", false);
        return this;
    }

    /// <summary>A healthy V2 that has run long enough to be switched on with loads and chargers allowed.</summary>
    public EngineDriver RunningV2()
    {
        HealthyV2().Run(1_000);
        if (Output("LoadDisconnect") != OutputLevel.High) throw new InvalidOperationException("The healthy V2 did not connect its loads.");
        return this;
    }
}
