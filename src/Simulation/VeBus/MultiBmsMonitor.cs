using System;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Simulation.VeBus;

/// <summary>
/// The Multi's side of the BMS link, reduced to what a Multi model needs: BMS frames in (already checked against
/// the bus's frame-number rule), a <see cref="MultiBmsView"/> out. Fields are read by name from the spec's
/// provisional layout, so a corrected layout needs no change here unless a field is renamed.
/// </summary>
public sealed class MultiBmsMonitor
{
    /// <summary>
    /// How long the Multi waits without a BMS frame before it goes into emergency mode. Assumption: not public
    /// (vebus.md, "Not public: … what the Multi does when BMS frames stop … and after how long"). 5 s is more than
    /// three low-power repeat intervals (1.5 s each), so a single lost or corrupted frame never triggers it, and
    /// short enough that a dead BMS is noticed within seconds.
    /// </summary>
    public const long BmsFrameTimeoutMs = 5_000;

    private readonly VeBusBmsFrameFormat _format;
    private readonly int _allowToCharge, _allowToDischarge, _chargeReduction, _lowPowerMode, _version;
    private readonly long _startMs;
    private readonly long _timeoutMs;
    private MultiBmsView _last;

    /// <summary>Watches for the BMS frames of <paramref name="layout"/>, starting at <paramref name="startMs"/>.</summary>
    public MultiBmsMonitor(VeBusLayout layout, long startMs, long timeoutMs = BmsFrameTimeoutMs)
    {
        _format = new VeBusBmsFrameFormat(layout);
        if (timeoutMs <= layout.LowPowerIntervalMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutMs),
                $"The BMS timeout ({timeoutMs} ms) must exceed the low-power repeat interval ({layout.LowPowerIntervalMilliseconds} ms).");
        }
        _allowToCharge = _format.Field("AllowToCharge");
        _allowToDischarge = _format.Field("AllowToDischarge");
        _chargeReduction = _format.Field("ChargeReduction");
        _lowPowerMode = _format.Field("LowPowerMode");
        _version = _format.Field("Version");
        _startMs = startMs;
        _timeoutMs = timeoutMs;
    }

    /// <summary>The frame layout.</summary>
    public VeBusBmsFrameFormat Format => _format;

    /// <summary>When the last BMS frame was accepted (ms), or −1.</summary>
    public long LastHeardMs { get; private set; } = -1;

    /// <summary>BMS frames accepted.</summary>
    public long FramesAccepted { get; private set; }

    /// <summary>Time between the last two BMS frames accepted (ms), or −1 before the second.</summary>
    public long LastIntervalMs { get; private set; } = -1;

    /// <summary>The timeout after which the Multi goes into emergency mode without a BMS frame (ms).</summary>
    public long TimeoutMs => _timeoutMs;

    /// <summary>Takes a frame the Multi received with a valid frame number; returns whether it was a BMS frame.</summary>
    public bool Accept(in VeBusFrame frame, long nowMs)
    {
        if (!_format.IsBmsFrame(frame)) return false;
        var p = frame.Payload;
        _last = new MultiBmsView(true, false, Read(p, _allowToCharge), Read(p, _allowToDischarge), Read(p, _chargeReduction),
            Read(p, _lowPowerMode), _format.ReadField(p, _version));
        if (LastHeardMs >= 0) LastIntervalMs = nowMs - LastHeardMs;
        LastHeardMs = nowMs;
        FramesAccepted++;
        return true;
    }

    /// <summary>The view at <paramref name="nowMs"/>: present while a frame came within the timeout; emergency once the timeout passed without one (from the start, or from the last frame).</summary>
    public MultiBmsView View(long nowMs)
    {
        var present = LastHeardMs >= 0 && nowMs - LastHeardMs <= _timeoutMs;
        var since = LastHeardMs >= 0 ? LastHeardMs : _startMs;
        return _last with { BmsPresent = present, EmergencyMode = nowMs - since > _timeoutMs };
    }

    private bool Read(ReadOnlySpan<byte> payload, int field) => _format.ReadField(payload, field) != 0;
}
