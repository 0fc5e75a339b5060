using System;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.VeBus;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.VeBus;

/// <summary>When the BMS frame goes on the bus: the gap after a sync, the frame-number rule, the intervals, flag changes.</summary>
public sealed class BmsTransmitterTests
{
    private static BmsBusHarness RunningBus()
    {
        var bus = new BmsBusHarness(new VeBusBmsV2Engine());
        bus.Driver.RunningV2();
        return bus;
    }

    private static long Interval(string timer) => VeBusBmsV2Engine.Info.Timers.Single(t => t.Name == timer).Milliseconds;

    [Fact]
    public void Nothing_is_sent_before_a_sync_frame_arrives()
    {
        var bus = RunningBus();

        for (var i = 0; i < 10; i++)
        {
            bus.Driver.Step(20);
            Assert.Equal(0, bus.Link.Poll(bus.Driver.Now));
        }
        Assert.Equal(0, bus.Link.Transmitter.FramesSent);
    }

    [Fact]
    public void The_first_gap_carries_a_frame_numbered_one_after_the_sync()
    {
        var bus = RunningBus();

        var frame = bus.Sync(0x3C);

        Assert.NotNull(frame);
        Assert.Equal(0x3D, frame!.FrameNumber);
    }

    [Fact]
    public void The_frame_number_after_127_is_0()
    {
        var bus = RunningBus();

        Assert.Equal(0, bus.Sync(127)!.FrameNumber);
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    public void Frames_repeat_at_the_normal_interval_while_the_Multi_is_on()
    {
        var bus = RunningBus();

        bus.Run(5_000);

        var times = bus.Sent.Select(s => s.Time).ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.Equal(Interval("BmsFrameInterval"), g));
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    [Trait("Covers", "V2-21")]
    public void Frames_repeat_at_the_longer_interval_in_low_power_mode_and_keep_going()
    {
        var bus = RunningBus();
        bus.Driver.Set("MultiOn", false);
        bus.Run(1_000);
        Assert.True(bus.Driver.Flag("BmsLowPower"));
        bus.Sent.Clear();

        bus.Run(9_000);

        var times = bus.Sent.Select(s => s.Time).ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        Assert.True(gaps.Length >= 4);
        Assert.All(gaps, g => Assert.Equal(Interval("BmsFrameIntervalLowPower"), g));
    }

    [Fact]
    public void A_flag_change_goes_out_in_the_next_gap()
    {
        var bus = RunningBus();
        bus.Run(200);
        Assert.Null(bus.Sync());

        bus.Driver.Set("CellMaxVoltage", 4.1).Step(20);
        var frame = bus.Sync();

        Assert.NotNull(frame);
        Assert.False(bus.Driver.Flag("AllowToCharge"));
        Assert.Equal(0, bus.Field(frame!, "AllowToCharge"));
    }

    [Fact]
    public void The_spec_board_sends_a_changed_flag_at_once()
    {
        Assert.True(VeBusBmsV2Board.SendOnFlagChange);
        Assert.True(VeBusBmsV2Engine.Info.Board!.SendOnFlagChange);
    }

    [Fact]
    public void With_frames_only_at_their_interval_a_flag_change_waits_for_the_next_repeat()
    {
        var bus = new BmsBusHarness(new VeBusBmsV2Engine(), sendOnFlagChange: false);
        bus.Driver.RunningV2();
        var first = bus.Sync();
        Assert.NotNull(first);
        var sentAt = bus.Driver.Now;

        bus.Driver.Set("CellMaxVoltage", 4.1).Step(20);
        Assert.False(bus.Driver.Flag("AllowToCharge"));
        Assert.Null(bus.Sync()); // the changed flag waits

        while (bus.Driver.Now - sentAt < Interval("BmsFrameInterval") - 20)
        {
            bus.Driver.Step(20);
            Assert.Null(bus.Sync());
        }
        bus.Driver.Step(20);
        var frame = bus.Sync();
        Assert.NotNull(frame);
        Assert.Equal(0, bus.Field(frame!, "AllowToCharge"));
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    public void Nothing_is_sent_while_the_boot_loader_runs_and_a_frame_follows_at_once_when_it_ends()
    {
        var bus = RunningBus();
        bus.Driver.Set("Bootloader", true);
        bus.Run(3_000);
        Assert.False(bus.Driver.Flag("SendBmsFrames"));
        bus.Sent.Clear();

        bus.Run(3_000);
        Assert.Empty(bus.Sent);

        bus.Driver.Set("Bootloader", false).Step(20);
        Assert.True(bus.Driver.Flag("SendBmsFrames"));
        Assert.NotNull(bus.Sync());
    }

    [Fact]
    public void A_sync_with_bytes_already_behind_it_is_not_answered()
    {
        var bus = RunningBus();

        var frame = bus.Sync(after: Hex.Bytes(PublicVectors.RamVarWritten.Wire));

        Assert.Null(frame);
        Assert.Equal(1, bus.Link.LateSyncs);
        Assert.NotNull(bus.Sync());
    }

    [Fact]
    public void A_sync_that_arrives_in_pieces_is_answered_once_complete()
    {
        var bus = RunningBus();
        var (multi, bmsEnd) = Runtime.Hardware.InMemoryByteLink.CreatePair();
        var link = new VeBusBmsLink(bus.Driver.Engine, bmsEnd);
        var sync = Hex.Bytes(PublicVectors.Sync.Wire);

        multi.Write(sync.AsSpan(0, 6));
        Assert.Equal(0, link.Poll(bus.Driver.Now));
        multi.Write(sync.AsSpan(6));
        var written = link.Poll(bus.Driver.Now);

        Assert.True(written > 0);
        Assert.Equal(1, link.SyncsSeen);
    }

    [Fact]
    public void NextDueMilliseconds_names_exactly_the_gaps_in_which_a_frame_goes_out()
    {
        var bus = RunningBus();
        var script = new (long At, string Input, double Value)[]
        {
            (500, "CellMaxVoltage", 4.1), (2_300, "CellMaxVoltage", 3.4), (4_000, "MultiOn", 0), (8_000, "Bootloader", 1),
            (8_100, "Bootloader", 0), (9_000, "MultiOn", 1),
        };
        var next = 0;
        var checkedGaps = 0;
        for (long t = 0; t < 12_000; t += 20)
        {
            while (next < script.Length && script[next].At <= t)
            {
                bus.Driver.Set(script[next].Input, script[next].Value);
                next++;
            }
            bus.Driver.Step(20);
            var due = bus.Link.Transmitter.NextDueMilliseconds(bus.Driver.Now);
            var frame = bus.Sync();
            Assert.True((due <= bus.Driver.Now) == (frame is not null), $"at {bus.Driver.Now} ms due {due} but frame {(frame is null ? "none" : "sent")}");
            Assert.True(due >= bus.Driver.Now);
            checkedGaps++;
        }
        Assert.Equal(600, checkedGaps);
        Assert.True(bus.Sent.Count > 12);
    }

    [Fact]
    public void A_skipped_gap_while_frames_are_off_makes_the_next_gap_send_at_once()
    {
        var bus = RunningBus();
        bus.Run(200);
        var transmitter = bus.Link.Transmitter;
        Assert.True(transmitter.NextDueMilliseconds(bus.Driver.Now) > bus.Driver.Now);

        bus.Driver.Set("Bootloader", true).Step(20);
        Assert.Equal(long.MaxValue, transmitter.NextDueMilliseconds(bus.Driver.Now));
        transmitter.SkipGap();
        bus.Driver.Set("Bootloader", false).Step(20);

        Assert.Equal(bus.Driver.Now, transmitter.NextDueMilliseconds(bus.Driver.Now));
        Assert.NotNull(bus.Sync());
    }
}
