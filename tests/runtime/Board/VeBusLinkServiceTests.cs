using System;
using System.Linq;
using System.Threading;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.VeBus;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The board's VE.Bus link service: answers the Multi's sync frames with the BMS frame built from the last
/// completed control cycle, and tells the engine whether the Multi is on.
/// </summary>
public sealed class VeBusLinkServiceTests
{
    private sealed class Rig
    {
        public Rig() => Board = new BoardRig(link: context => new VeBusLinkService(context)).Healthy();

        public BoardRig Board { get; }

        public VeBusLinkService Service => (VeBusLinkService)Board.Board.Link!;

        public FakeSerialPort Port => Board.Io.Serial!;

        public VeBusBmsFrameFormat Format => Service.Link.Transmitter.Format;

        /// <summary>The Multi sends a sync frame; the pump and the service each take one pass.</summary>
        public byte[] Sync(int frameNumber)
        {
            var wire = new byte[16];
            Assert.True(VeBusSyncFrame.TryEncode(VeBusAddress.Multi, frameNumber, VeBusSyncFrame.CapturedUnknownByte, 0x0218, wire, out var n));
            var before = Port.Written.Count;
            Port.Receive(wire[..n]);
            Board.Board.Receiver!.PollOnce();
            Service.PollOnce();
            return Port.Written.Skip(before).ToArray();
        }

        /// <summary>Decodes a BMS frame the service wrote: frame number and field values by name.</summary>
        public (int FrameNumber, Func<string, long> Field) Decode(byte[] wire)
        {
            var payload = new byte[64];
            Assert.Equal(VeBusFrameError.None, VeBusFrameCodec.Decode(wire, payload, out var frame));
            Assert.True(Format.IsBmsFrame(frame));
            var number = frame.FrameNumber;
            var data = frame.Payload.ToArray();
            return (number, name => Format.ReadField(data, Format.Field(name)));
        }
    }

    [Fact]
    public void Before_the_first_control_cycle_no_bms_frame_is_sent()
    {
        var rig = new Rig();
        Assert.Empty(rig.Sync(5));
    }

    [Fact]
    public void A_sync_is_answered_with_the_last_cycles_flags_and_the_next_frame_number()
    {
        var rig = new Rig();
        rig.Board.Run(1_000);
        var (number, field) = rig.Decode(rig.Sync(41));
        Assert.Equal(42, number);
        Assert.Equal(1, field("AllowToCharge"));
        Assert.Equal(1, field("AllowToDischarge"));
        Assert.Equal(1146100, field("Version"));
    }

    [Fact]
    public void The_frame_follows_the_engine_when_the_batteries_withdraw_discharge()
    {
        var rig = new Rig();
        rig.Board.Run(1_000);
        rig.Sync(1);
        rig.Board.Btv("D11", present: false); // BTV: not allowed to discharge
        rig.Board.Run(31_000);                  // the 30 s pre-alarm, then the disconnect
        var (_, field) = rig.Decode(rig.Sync(2));
        Assert.Equal(0, field("AllowToDischarge"));
    }

    [Fact]
    public void The_multi_counts_as_on_while_a_sync_came_within_the_spec_boards_window()
    {
        var rig = new Rig();
        Assert.True(double.IsNaN(rig.Board.Board.MultiOn.Read()) || rig.Board.Board.MultiOn.Read() == 0);
        rig.Sync(1);
        Assert.Equal(1, rig.Board.Board.MultiOn.Read());
        rig.Board.Clock.Advance(VeBusBmsV2Board.MultiOnWithinMilliseconds);
        rig.Service.PollOnce();
        Assert.Equal(1, rig.Board.Board.MultiOn.Read());
        rig.Board.Clock.Advance(1);
        rig.Service.PollOnce();
        Assert.Equal(0, rig.Board.Board.MultiOn.Read());
    }

    [Fact]
    public void The_link_answers_a_sync_as_soon_as_the_port_reports_it_without_a_polling_interval()
    {
        var rig = new Rig();
        rig.Board.Run(1_000);
        rig.Board.Board.Receiver!.Start();
        var wire = new byte[16];
        Assert.True(VeBusSyncFrame.TryEncode(VeBusAddress.Multi, 9, VeBusSyncFrame.CapturedUnknownByte, 0, wire, out var n));

        rig.Port.Receive(wire[..n]); // the port's arrival fills the ring and wakes the waiting reader

        // Would wait 30 s if the wake were missing; it returns at once with the answer written.
        Assert.True(rig.Service.WaitAndPoll(30_000) > 0);
        var (number, _) = rig.Decode(rig.Port.Written.ToArray());
        Assert.Equal(10, number);
    }

    [Fact]
    public void The_running_link_thread_is_woken_by_the_port_and_answers()
    {
        var rig = new Rig();
        rig.Board.Run(1_000);
        rig.Board.Board.StartLink();
        try
        {
            var wire = new byte[16];
            Assert.True(VeBusSyncFrame.TryEncode(VeBusAddress.Multi, 20, VeBusSyncFrame.CapturedUnknownByte, 0, wire, out var n));
            rig.Port.Receive(wire[..n]);
            var until = DateTime.UtcNow.AddSeconds(30); // a bound for a missing answer, not a timing assertion
            while (rig.Port.Written.Count == 0 && DateTime.UtcNow < until) Thread.Sleep(1);
            var (number, field) = rig.Decode(rig.Port.Written.ToArray());
            Assert.Equal(21, number);
            Assert.Equal(1, field("AllowToCharge"));
        }
        finally
        {
            rig.Board.Board.StopLink();
        }
        Assert.False(rig.Service.IsRunning);
    }

    [Fact]
    public void Stopping_the_link_makes_the_multi_state_unknown_again()
    {
        var rig = new Rig();
        rig.Sync(1);
        rig.Service.Stop();
        Assert.True(double.IsNaN(rig.Board.Board.MultiOn.Read()));
    }

    [Fact]
    public void Answering_syncs_allocates_nothing()
    {
        var rig = new Rig();
        rig.Board.Run(1_000);
        var wire = new byte[16];
        rig.Port.Written.Capacity = 1 << 16; // the fake UART's own buffer must not grow inside the measurement
        long allocated = 0;
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(VeBusSyncFrame.TryEncode(VeBusAddress.Multi, i % 128, VeBusSyncFrame.CapturedUnknownByte, 0, wire, out var n));
            rig.Port.Receive(wire[..n]);
            rig.Board.Board.Receiver!.PollOnce();
            rig.Board.Clock.Advance(20);
            var before = GC.GetAllocatedBytesForCurrentThread();
            rig.Service.PollOnce();
            if (i >= 100) allocated += GC.GetAllocatedBytesForCurrentThread() - before; // after warm-up
        }
        Assert.Equal(0, allocated);
        Assert.True(rig.Service.Link.Transmitter.FramesSent > 0);
    }
}
