using System;
using BmsRules.Simulation.VeBus;
using BmsRules.Runtime;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Simulation;

/// <summary>
/// The VE.Bus between the simulated BMS and the simulated Multi, on the simulated clock. Both ends are the real
/// protocol code on an in-memory byte link pair: the BMS end is a <see cref="VeBusBmsLink"/> whose transmitter reads
/// the engine's flags, the Multi end a <see cref="MultiEndpoint"/> that sends a sync frame every 20 ms, decodes what
/// comes back, applies the frame-number rule and keeps the <see cref="MultiBmsView"/> the Multi model acts on
/// (including emergency mode after its timeout). Nothing here decides what a frame says or when one is sent.
/// <para><b>Event schedule.</b> Most sync gaps carry nothing: the BMS answers only when a flag changed or its repeat
/// interval ran out. Before each sync the bus asks the transmitter when its next frame is due
/// (<see cref="VeBusBmsTransmitter.NextDueMilliseconds"/>); the engine's flags only change when the engine steps, so
/// every sync before that time goes unanswered and is counted without being encoded
/// (<see cref="MultiEndpoint.SkipSyncs"/>, with its frame number and timestamp). The sync that will be answered goes on
/// the wire, the BMS reads it and writes its frame in the gap, and the Multi reads and checks that frame — all at the
/// sync's time. The frames, their numbers and times are the same as with every sync on the wire
/// (<see cref="EverySync"/>, which tests compare against).</para>
/// </summary>
public sealed class SimulatedVeBus
{
    private readonly InMemoryByteLink _bmsEnd;
    private readonly VeBusBmsTransmitter _transmitter;
    private readonly byte[] _drain = new byte[256];
    private long _due;
    private bool _dueKnown;

    /// <summary>
    /// A bus between <paramref name="engine"/> (which must have a VE.Bus frame layout) and a Multi that goes into
    /// emergency mode after <paramref name="bmsTimeoutMs"/> without a BMS frame.
    /// </summary>
    public SimulatedVeBus(IRuleEngine engine, long bmsTimeoutMs, bool everySync = false)
    {
        var layout = engine.Descriptor.VeBus
                     ?? throw new ArgumentException($"{engine.Descriptor.DisplayName} has no VE.Bus frame (no 'vebus:' section in its spec), so a Multi cannot hear it.", nameof(engine));
        var (multiEnd, bmsEnd) = InMemoryByteLink.CreatePair();
        _bmsEnd = bmsEnd;
        Multi = new MultiEndpoint(layout, multiEnd, 0, bmsTimeoutMs);
        // The board section's frame rule (frames.on_flag_change), the same the board's link follows.
        Bms = new VeBusBmsLink(engine, bmsEnd, engine.Descriptor.Board?.SendOnFlagChange ?? true);
        _transmitter = Bms.Transmitter;
        EverySync = everySync;
    }

    /// <summary>The Multi's end: its BMS view and counters.</summary>
    public MultiEndpoint Multi { get; }

    /// <summary>The BMS's end: its transmitter and counters.</summary>
    public VeBusBmsLink Bms { get; }

    /// <summary>Every sync frame goes on the wire (slower; the reference for the event schedule).</summary>
    public bool EverySync { get; }

    /// <summary>Sync frames the Multi sent (on the wire or counted as idle).</summary>
    public long Syncs => Multi.SyncsSent;

    /// <summary>Sync frames that went on the wire (all of them with <see cref="EverySync"/>; otherwise the answered ones).</summary>
    public long SyncsOnWire { get; private set; }

    /// <summary>BMS frames the BMS wrote.</summary>
    public long FramesSent => _transmitter.FramesSent;

    /// <summary>BMS frames the Multi accepted.</summary>
    public long FramesReceived => Multi.Monitor.FramesAccepted;

    /// <summary>Longest time on the simulated clock from a sync frame to the Multi accepting the BMS frame that answered it (ms).</summary>
    public long MaxSyncToFrameMs { get; private set; }

    /// <summary>The BMS as the Multi sees it at <paramref name="nowMs"/>.</summary>
    public MultiBmsView View(long nowMs) => Multi.View(nowMs);

    /// <summary>The BMS lost power: its transmitter starts afresh when it comes back (a frame in the first gap).</summary>
    public void BmsPoweredDown()
    {
        _transmitter.Reset();
        _dueKnown = false;
    }

    /// <summary>
    /// The engine's flags may have changed (it stepped and something changed): the next frame's due time must be
    /// asked again. Between such changes and the frames sent it stays what the transmitter last said, so the bus
    /// does not ask at every step.
    /// </summary>
    public void FlagsMayHaveChanged() => _dueKnown = false;

    /// <summary>
    /// Runs the bus up to and including <paramref name="untilMs"/>: every sync due by then, answered by the BMS when it is
    /// powered (<paramref name="bmsPowered"/>) and a frame is due, with the engine's flags as they are now.
    /// </summary>
    public void Advance(long untilMs, bool bmsPowered)
    {
        var multi = Multi;
        while (multi.NextSyncMs <= untilMs)
        {
            var sync = multi.NextSyncMs;
            if (!EverySync)
            {
                long due;
                if (!bmsPowered) due = long.MaxValue;
                else if (_dueKnown) due = _due;
                else
                {
                    due = _due = _transmitter.NextDueMilliseconds(sync);
                    _dueKnown = true;
                }
                if (due > sync)
                {
                    multi.SkipSyncs(due - 1 < untilMs ? due - 1 : untilMs);
                    if (bmsPowered) _transmitter.SkipGap();
                    continue;
                }
            }
            multi.Poll(sync);
            SyncsOnWire++;
            _dueKnown = false;
            if (bmsPowered)
            {
                var heard = multi.Monitor.FramesAccepted;
                Bms.Poll(sync);
                multi.Poll(sync);
                if (multi.Monitor.FramesAccepted != heard && multi.Monitor.LastHeardMs - sync > MaxSyncToFrameMs) MaxSyncToFrameMs = multi.Monitor.LastHeardMs - sync;
            }
            else
            {
                // An unpowered BMS hears nothing: what reached its end of the cable is lost.
                while (_bmsEnd.Read(_drain) > 0)
                {
                }
            }
        }
    }
}
