using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Properties.VeBus;

/// <summary>
/// A deliberately wrong view of an engine for the transmitter properties' companions: its flags are those of the
/// step before (a transmitter that samples the flags before the engine steps). Everything else is the engine's.
/// </summary>
public sealed class StaleFlagsEngine : IRuleEngine
{
    private readonly IRuleEngine _inner;
    private readonly bool[] _flags;
    private bool _stepped;

    public StaleFlagsEngine(IRuleEngine inner)
    {
        _inner = inner;
        _flags = new bool[inner.Descriptor.Flags.Count];
    }

    public EngineDescriptor Descriptor => _inner.Descriptor;

    public ulong ActiveCodes => _inner.ActiveCodes;

    public int PrimaryCode => _inner.PrimaryCode;

    public ulong InvalidInputs => _inner.InvalidInputs;

    public ulong InvalidSettings => _inner.InvalidSettings;

    public void Reset()
    {
        _inner.Reset();
        System.Array.Clear(_flags);
        _stepped = false;
    }

    // The first step is seen as it is (nothing came before it); from then on the view is one step behind.
    public void Step(long nowMs)
    {
        if (_stepped) for (var i = 0; i < _flags.Length; i++) _flags[i] = _inner.GetFlag(i);
        _inner.Step(nowMs);
        if (!_stepped) for (var i = 0; i < _flags.Length; i++) _flags[i] = _inner.GetFlag(i);
        _stepped = true;
    }

    public bool GetFlag(int index) => _flags[index];

    public void SetInput(int index, double value) => _inner.SetInput(index, value);

    public void SetSetting(int index, double value) => _inner.SetSetting(index, value);

    public double GetSetting(int index) => _inner.GetSetting(index);

    public OutputLevel GetOutput(int index) => _inner.GetOutput(index);

    public bool GetCondition(int index) => _inner.GetCondition(index);

    public int GetZone(int index) => _inner.GetZone(index);

    public int GetState(int index) => _inner.GetState(index);

    public int GetLastTrigger(int index) => _inner.GetLastTrigger(index);

    public long GetStateSince(int index) => _inner.GetStateSince(index);

    public int GetTableValue(int index) => _inner.GetTableValue(index);

    public double GetTableNumber(int index) => _inner.GetTableNumber(index);

    public bool IsLedLit(int index) => _inner.IsLedLit(index);
}
