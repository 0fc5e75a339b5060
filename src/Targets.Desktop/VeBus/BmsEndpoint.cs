using System;
using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.VeBus;

/// <summary>
/// A BMS on the bus for bench and end-to-end runs: the engine stepped every <see cref="StepMs"/> with scripted
/// inputs (engine time may run faster than bus time, so long timers pass quickly), and a <see cref="VeBusBmsLink"/>
/// that answers sync frames. Bus timing (gaps, repeat intervals) always runs on real time.
/// </summary>
public sealed class BmsEndpoint
{
    /// <summary>How often the engine steps, in bus time.</summary>
    public const long StepMs = 20;

    private readonly IRuleEngine _engine;
    private readonly InputScript _script;
    private readonly double _speed;
    private readonly long _startMs;
    private readonly int _sequence = -1;
    private readonly byte[] _payload;
    private readonly byte[] _reported;
    private uint _counter;
    private bool _everReported;

    /// <summary>Runs <paramref name="engine"/> from <paramref name="script"/> on <paramref name="link"/>, engine time <paramref name="speed"/> × bus time.</summary>
    public BmsEndpoint(IRuleEngine engine, IByteLink link, InputScript script, double speed, long startMs)
    {
        if (!(speed > 0) || double.IsInfinity(speed)) throw new ArgumentOutOfRangeException(nameof(speed), "The engine speed must be a positive number.");
        _engine = engine;
        _script = script;
        _speed = speed;
        _startMs = startMs;
        Link = new VeBusBmsLink(engine, link);
        _payload = new byte[Link.Transmitter.Format.PayloadLength];
        _reported = new byte[_payload.Length];
        for (var i = 0; i < engine.Descriptor.Inputs.Count; i++)
        {
            if (engine.Descriptor.Inputs[i].Kind == InputKind.Sequence) _sequence = i;
            if (!double.IsNaN(script.Start[i])) engine.SetInput(i, script.Start[i]);
        }
        NextStepMs = startMs;
    }

    /// <summary>The BMS end of the bus.</summary>
    public VeBusBmsLink Link { get; }

    /// <summary>When the engine steps next (bus ms).</summary>
    public long NextStepMs { get; private set; }

    /// <summary>Engine time at bus time <paramref name="nowMs"/>.</summary>
    public long EngineTime(long nowMs) => (long)((nowMs - _startMs) * _speed);

    /// <summary>Answers a sync if one arrived, then steps the engine if due. Returns true when the frame's flags changed since the last report.</summary>
    public bool Tick(long nowMs)
    {
        Link.Poll(nowMs);
        if (nowMs < NextStepMs) return false;
        var engineNow = EngineTime(nowMs);
        foreach (var change in _script.Due(engineNow)) _engine.SetInput(change.Input, change.Value);
        if (_sequence >= 0)
        {
            _counter = _counter == uint.MaxValue ? 1 : _counter + 1;
            _engine.SetInput(_sequence, _counter);
        }
        _engine.Step(engineNow);
        NextStepMs = nowMs - NextStepMs >= StepMs ? nowMs + StepMs : NextStepMs + StepMs;

        Link.Transmitter.Format.WritePayload(_engine, _payload);
        if (_everReported && _payload.AsSpan().SequenceEqual(_reported)) return false;
        _payload.CopyTo(_reported, 0);
        _everReported = true;
        return true;
    }

    /// <summary>The flags the BMS frame carries now, as <c>Name=value</c> pairs (plus whether frames may be sent).</summary>
    public string Describe()
    {
        var format = Link.Transmitter.Format;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < format.Fields.Count; i++)
        {
            if (!format.Fields[i].IsFlag) continue;
            text.Append(format.Fields[i].Name).Append('=').Append(format.ReadField(_reported, i) != 0 ? "true" : "false").Append(' ');
        }
        var layout = _engine.Descriptor.VeBus!;
        text.Append("sending=").Append(_engine.GetFlag(layout.SendWhenFlag) ? "true" : "false");
        return text.ToString();
    }
}
