using System;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Properties.VeBus;

/// <summary>What happened at one sync frame of a <see cref="BusSimulation"/>.</summary>
public sealed class SyncEvent
{
    /// <summary>Bus time (ms).</summary>
    public long Time { get; internal set; }

    /// <summary>The sync frame's number.</summary>
    public int SyncNumber { get; internal set; }

    /// <summary>The BMS frame written in this gap, or null.</summary>
    public byte[]? Written { get; internal set; }

    /// <summary>The engine (its real flags, now).</summary>
    public IRuleEngine Engine { get; internal set; } = null!;

    /// <summary>The last BMS frame on the wire before this gap, or null.</summary>
    public byte[]? PreviousFrame { get; internal set; }

    /// <summary>When <see cref="PreviousFrame"/> was written.</summary>
    public long PreviousFrameTime { get; internal set; }
}

/// <summary>
/// Runs an input trace on an engine while a Multi sends a sync frame every 20 ms (frame number = last seen + 1) and
/// a <see cref="VeBusBmsTransmitter"/> answers in the gaps. Engine steps happen at the trace's times; a sync at
/// the same time as a step comes after it. The check sees every sync and returns the first violation, or null.
/// </summary>
public static class BusSimulation
{
    /// <summary>The Multi's sync period.</summary>
    public const long SyncPeriodMs = 20;

    /// <summary>Runs <paramref name="trace"/>; the transmitter reads <paramref name="transmitterView"/>(engine).</summary>
    public static string? Run(IRuleEngine engine, Func<IRuleEngine, IRuleEngine> transmitterView, Trace trace, Func<SyncEvent, string?> check)
    {
        var view = transmitterView(engine);
        var d = engine.Descriptor;
        var inputs = new int[trace.InputNames.Count];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = d.Input(trace.InputNames[i]);
        view.Reset();
        foreach (var (name, value) in trace.Settings) view.SetSetting(d.Setting(name), value);

        var transmitter = new VeBusBmsTransmitter(view);
        var buffer = new byte[transmitter.MaxWireLength];
        var e = new SyncEvent { Engine = engine };
        var lastSeen = -1;
        long time = 0, nextSync = SyncPeriodMs;

        string? Sync()
        {
            var number = VeBusFrameNumber.Next(lastSeen);
            lastSeen = number;
            var written = transmitter.OnSyncGap(lastSeen, nextSync, buffer);
            e.Time = nextSync;
            e.SyncNumber = number;
            e.Written = written > 0 ? buffer.AsSpan(0, written).ToArray() : null;
            var violation = check(e);
            if (e.Written is not null)
            {
                lastSeen = e.Written[3];
                e.PreviousFrame = e.Written;
                e.PreviousFrameTime = nextSync;
            }
            nextSync += SyncPeriodMs;
            return violation;
        }

        foreach (var step in trace.Steps)
        {
            var stepTime = time + step.DtMs;
            while (nextSync < stepTime)
            {
                var violation = Sync();
                if (violation is not null) return $"at {e.Time} ms: {violation}";
            }
            for (var i = 0; i < inputs.Length; i++) view.SetInput(inputs[i], step.Inputs[i]);
            view.Step(stepTime);
            time = stepTime;
        }
        for (var k = 0; k < 5; k++)
        {
            var violation = Sync();
            if (violation is not null) return $"at {e.Time} ms: {violation}";
        }
        return null;
    }

    /// <summary>The BMS frame payload (command byte first) the layout says the engine's flags now should give; written independently of the encoder.</summary>
    public static byte[] ExpectedPayload(IRuleEngine engine)
    {
        var layout = engine.Descriptor.VeBus!;
        var payload = new byte[1 + layout.PayloadLength];
        payload[0] = layout.Command;
        foreach (var field in layout.Fields)
        {
            if (field.IsFlag)
            {
                if (engine.GetFlag(field.Flag)) payload[1 + field.Byte] |= (byte)(1 << field.Bit);
                continue;
            }
            for (var b = 0; b < field.Bytes; b++) payload[1 + field.Byte + b] = (byte)(field.Value >> (8 * b));
        }
        return payload;
    }

    /// <summary>Decodes a BMS frame with the codec; the payload, or null with <paramref name="why"/>.</summary>
    public static byte[]? DecodeBmsFrame(byte[] wire, VeBusLayout layout, out string why)
    {
        var payload = new byte[VeBusFrameCodec.MaxWireLength];
        var error = VeBusFrameCodec.Decode(wire, payload, out var frame);
        why = "";
        if (error != VeBusFrameError.None)
        {
            why = "the frame does not decode: " + error;
            return null;
        }
        if (frame.Kind != VeBusFrameKind.Data || frame.Address != new VeBusAddress(layout.AddressHigh, layout.AddressLow))
        {
            why = "not a data frame to the layout's address";
            return null;
        }
        return frame.Payload.ToArray();
    }
}
