using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary>The simulated Multi and the BMS endpoint on an in-memory bus, with a manual clock.</summary>
public sealed class MultiSimulationTests
{
    private static readonly VeBusLayout Layout = VeBusBmsV2Engine.Info.VeBus!;

    /// <summary>A Multi and a BMS on one in-memory bus; <see cref="Run"/> advances both 1 ms at a time.</summary>
    private sealed class Bus
    {
        public Bus(string? script = null, double speed = 1, params string[] sets)
        {
            var (multiEnd, bmsEnd) = InMemoryByteLink.CreatePair();
            MultiLink = multiEnd;
            Multi = new MultiEndpoint(Layout, multiEnd, 0);
            var engine = new VeBusBmsV2Engine();
            Bms = new BmsEndpoint(engine, bmsEnd, InputScript.Parse(engine.Descriptor, sets, script), speed, 0);
        }

        public MultiEndpoint Multi { get; }

        public InMemoryByteLink MultiLink { get; }

        public BmsEndpoint Bms { get; }

        public bool BmsRunning { get; set; } = true;

        public long Now { get; private set; }

        public List<(long Time, MultiBmsView View)> Changes { get; } = new();

        public Bus Run(long ms)
        {
            for (var end = Now + ms; Now < end; Now++)
            {
                Multi.Poll(Now);
                if (BmsRunning) Bms.Tick(Now);
                var view = Multi.View(Now);
                if (Changes.Count == 0 || Changes[^1].View != view) Changes.Add((Now, view));
            }
            return this;
        }

        public MultiBmsView View => Multi.View(Now);
    }

    [Fact]
    public void The_Multi_sends_a_sync_every_20_ms_with_the_next_frame_number()
    {
        var (multiEnd, peer) = InMemoryByteLink.CreatePair();
        var multi = new MultiEndpoint(Layout, multiEnd, 0);
        for (long t = 0; t < 100; t++) multi.Poll(t);
        var buffer = new byte[1024];

        var received = FrameRecorder.Receive(buffer.AsSpan(0, peer.Read(buffer)));

        Assert.Equal(5, received.Frames.Count);
        Assert.All(received.Frames, f => Assert.Equal(VeBusFrameKind.Sync, f.Kind));
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4 }, received.Frames.ConvertAll(f => f.FrameNumber));
        Assert.Equal(5, multi.SyncsSent);
    }

    [Fact]
    public void A_healthy_BMS_is_present_and_allows_charge_and_discharge_with_its_V2_version()
    {
        var bus = new Bus().Run(2_000);

        var view = bus.View;
        Assert.True(view.BmsPresent);
        Assert.False(view.EmergencyMode);
        Assert.True(view.AllowToCharge);
        Assert.True(view.AllowToDischarge);
        Assert.Equal(1146100, view.BmsVersion);
        Assert.Equal(0, bus.Multi.FramesIgnored);
        Assert.Equal(0, bus.Multi.Rejections);
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    [Trait("Covers", "V2-04")]
    public void A_low_cell_reaches_the_Multi_as_discharge_not_allowed_only_after_the_30_second_pre_alarm()
    {
        var bus = new Bus("2s CellMinVoltage=2.7").Run(3_000);
        Assert.True(bus.View.AllowToDischarge);

        bus.Run(30_000);

        Assert.False(bus.View.AllowToDischarge);
        Assert.True(bus.View.AllowToCharge);
        Assert.True(bus.View.BmsPresent);
    }

    [Fact]
    [Trait("Covers", "V2-08")]
    public void Remote_off_holds_the_Multi_in_low_power_mode()
    {
        var bus = new Bus("1s RemoteLoopClosed=false").Run(3_000);

        Assert.True(bus.View.LowPowerMode);
        Assert.False(bus.View.AllowToCharge);
        Assert.False(bus.View.AllowToDischarge);
        Assert.True(bus.View.BmsPresent);
    }

    [Fact]
    [Trait("Covers", "V2-18")]
    public void The_Multi_goes_into_emergency_mode_when_BMS_frames_stop_for_the_timeout()
    {
        var bus = new Bus().Run(2_000);
        bus.BmsRunning = false;
        var stopped = bus.Now;
        var lastHeard = bus.Multi.Monitor.LastHeardMs;

        bus.Run(MultiBmsMonitor.BmsFrameTimeoutMs + 2_000);

        var emergency = bus.Changes.Find(c => c.View.EmergencyMode);
        Assert.True(emergency.View.EmergencyMode);
        Assert.Equal(lastHeard + MultiBmsMonitor.BmsFrameTimeoutMs + 1, emergency.Time);
        Assert.True(emergency.Time > stopped);
        Assert.False(bus.View.BmsPresent);
        Assert.True(bus.View.AllowToDischarge);
    }

    [Fact]
    public void Without_a_BMS_the_Multi_waits_the_timeout_from_its_start_then_goes_into_emergency_mode()
    {
        var bus = new Bus { BmsRunning = false };

        bus.Run(MultiBmsMonitor.BmsFrameTimeoutMs);
        Assert.False(bus.View.EmergencyMode);
        bus.Run(2);

        Assert.True(bus.View.EmergencyMode);
        Assert.False(bus.View.BmsPresent);
    }

    [Fact]
    public void The_Multi_ignores_a_BMS_frame_whose_number_is_not_the_last_seen_plus_one()
    {
        var (multiEnd, peer) = InMemoryByteLink.CreatePair();
        var multi = new MultiEndpoint(Layout, multiEnd, 0);
        multi.Poll(0);
        var format = new VeBusBmsFrameFormat(Layout);
        var wire = new byte[format.MaxWireLength];
        var values = format.DefaultValues();
        Assert.True(format.TryEncode(values, 5, wire, out var written));

        peer.Write(wire.AsSpan(0, written));
        multi.Poll(1);

        Assert.Equal(1, multi.FramesIgnored);
        Assert.False(multi.View(1).BmsPresent);

        // The ignored frame's number (5) is now the last seen: the next sync is 6, so the BMS must answer with 7.
        Assert.True(format.TryEncode(values, 7, wire, out written));
        multi.Poll(20);
        peer.Write(wire.AsSpan(0, written));
        multi.Poll(21);
        Assert.Equal(1, multi.FramesIgnored);
        Assert.True(multi.View(21).BmsPresent);
    }

    [Fact]
    public void The_BMS_timeout_assumption_exceeds_the_low_power_repeat_interval()
    {
        Assert.True(MultiBmsMonitor.BmsFrameTimeoutMs > 3 * Layout.LowPowerIntervalMilliseconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiBmsMonitor(Layout, 0, Layout.LowPowerIntervalMilliseconds));
    }

    [Fact]
    public void Engine_speed_runs_the_engine_timers_faster_but_not_the_bus()
    {
        var bus = new Bus("2s CellMinVoltage=2.7", speed: 10).Run(3_500);

        Assert.False(bus.View.AllowToDischarge);
        Assert.InRange(bus.Multi.SyncsSent, 170, 176);
    }

    [Fact]
    public void Skipped_idle_syncs_move_the_frame_number_and_timestamp_on_as_sent_ones_do()
    {
        var (sentEnd, sentPeer) = InMemoryByteLink.CreatePair(1 << 16);
        var (skipEnd, skipPeer) = InMemoryByteLink.CreatePair();
        var sending = new MultiEndpoint(Layout, sentEnd, 0);
        var skipping = new MultiEndpoint(Layout, skipEnd, 0);

        for (long t = 0; t <= 3_000; t++) sending.Poll(t);
        Assert.Equal(151, skipping.SkipSyncs(3_000));
        Assert.Equal(sending.SyncsSent, skipping.SyncsSent);
        Assert.Equal(sending.NextSyncMs, skipping.NextSyncMs);
        Assert.Equal(0, skipPeer.BytesAvailable);

        sending.Poll(3_020);
        skipping.Poll(3_020);
        var buffer = new byte[1 << 16];
        var sent = FrameRecorder.Receive(buffer.AsSpan(0, sentPeer.Read(buffer))).Frames[^1];
        var skipped = FrameRecorder.Receive(buffer.AsSpan(0, skipPeer.Read(buffer))).Frames.Single();
        Assert.Equal(sent.FrameNumber, skipped.FrameNumber);
        Assert.Equal(sent.Payload, skipped.Payload);
        Assert.Equal(0, skipping.SkipSyncs(3_039));
    }
}
