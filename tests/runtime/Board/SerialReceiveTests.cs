using System;
using System.Linq;
using System.Threading;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;
using BmsRules.Runtime.Tests.Control;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The board's serial receive path: the port's arrival wakes the pump, which fills the ring and wakes the reader.
/// No polling interval and no sleep anywhere between the port and the link (docs/hardware.md, "Serial receive timing").
/// </summary>
public sealed class SerialReceiveTests
{
    private static readonly byte[] Sync = { 0x83, 0x83, 0xFD, 0x02, 0x55, 0x51, 0x18, 0x02, 0x97, 0xFF };

    /// <summary>A generous bound for waits that must end at once: reaching it means the wake never came.</summary>
    private const int NeverMs = 30_000;

    private static SerialReceivePump Pump(ISerialPortLink port, IClock? clock = null, ILogger? logger = null, int ring = 1024) =>
        new(port, new ByteRing(ring), clock ?? new ManualClock(), "COM4", logger);

    [Fact]
    public void The_ring_keeps_byte_order_across_its_wrap_point()
    {
        var ring = new ByteRing(8);
        var out1 = new byte[8];
        ring.Write(new byte[] { 1, 2, 3, 4, 5, 6 });
        Assert.Equal(6, ring.Read(out1));
        ring.Write(new byte[] { 7, 8, 9, 10, 11 });
        var out2 = new byte[8];
        Assert.Equal(5, ring.Read(out2));
        Assert.Equal(new byte[] { 7, 8, 9, 10, 11 }, out2[..5]);
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void A_full_ring_drops_and_counts_what_does_not_fit()
    {
        var ring = new ByteRing(4);
        Assert.Equal(4, ring.Write(new byte[] { 1, 2, 3, 4, 5, 6 }));
        Assert.Equal(2, ring.Dropped);
        var read = new byte[4];
        ring.Read(read);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, read);
    }

    [Fact]
    public void A_ring_capacity_must_be_a_power_of_two() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRing(100));

    [Fact]
    public void An_arrival_at_the_port_moves_the_bytes_into_the_ring_on_the_ports_own_thread()
    {
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port);
        pump.Start();
        Assert.True(port.HasListener);

        port.Receive(Sync); // raises the arrival, as Meadow's read thread does after appending

        Assert.Equal(Sync.Length, pump.Ring.Count);
        Assert.Equal(1, pump.Deliveries);
        Assert.Equal(0, port.BytesAvailable);
    }

    [Fact]
    public void A_reader_waiting_for_bytes_returns_as_soon_as_they_arrived()
    {
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port);
        pump.Start();
        port.Receive(Sync);
        Assert.True(pump.WaitForBytes(NeverMs)); // already there: no wait
        pump.Ring.Read(new byte[64]);

        var woke = false;
        var reader = new Thread(() => woke = pump.WaitForBytes(NeverMs));
        reader.Start();
        port.Receive(Sync);
        Assert.True(reader.Join(NeverMs * 2));
        Assert.True(woke);
    }

    [Fact]
    public void Without_arrivals_the_wait_ends_at_its_timeout_with_nothing_to_read()
    {
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port);
        pump.Start();
        Assert.False(pump.WaitForBytes(0));
        port.Receive(Sync);
        pump.Ring.Read(new byte[64]);
        Assert.False(pump.WaitForBytes(0)); // the arrival was consumed with its bytes: no stale wake
    }

    [Fact]
    public void Stopping_unhooks_the_pump_from_the_port()
    {
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port);
        pump.Start();
        pump.Stop();
        Assert.False(port.HasListener);
        Assert.False(pump.IsRunning);
        port.Receive(Sync);
        Assert.Equal(0, pump.Ring.Count);
    }

    [Fact]
    public void The_pump_measures_the_gaps_between_deliveries()
    {
        var clock = new ManualClock();
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port, clock);
        pump.Start();

        // The bus: a sync frame every 20 ms, delivered as it comes.
        for (var i = 0; i < 5; i++)
        {
            port.Receive(Sync);
            clock.Advance(20);
        }
        Assert.Equal(20, pump.MaxGapMs);
        Assert.Equal(Sync.Length, pump.MaxDeliveryBytes);

        // A port that held bytes back for 100 ms (a driver read that returned nothing, then Meadow's 100 ms idle
        // sleep) shows as one late delivery of five frames: the symptom the board logs every minute.
        clock.Advance(80);
        port.Receive(Sync.Concat(Sync).Concat(Sync).Concat(Sync).Concat(Sync).ToArray());
        Assert.Equal(100, pump.MaxGapMs);
        Assert.Equal(5 * Sync.Length, pump.MaxDeliveryBytes);
        Assert.Equal(10 * Sync.Length, pump.Bytes);
    }

    [Fact]
    public void A_port_that_throws_in_an_arrival_does_not_stop_reception()
    {
        var port = new ThrowingOncePort();
        using var pump = Pump(port);
        pump.Start();
        port.Arrive(); // BytesAvailable throws: counted, not passed to the port's thread
        port.Arrive();
        Assert.Equal(1, pump.Errors);
        Assert.Equal(3, pump.Bytes);
    }

    [Fact]
    public void Port_overruns_are_logged_when_they_happen_and_at_most_every_ten_seconds()
    {
        var clock = new ManualClock();
        var logger = new RecordingLogger();
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port, clock, logger);
        pump.Start();

        port.Receive(Sync);
        Assert.Empty(logger.Entries);

        port.Overruns = 3;
        port.Receive(Sync);
        var first = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Contains("on COM4 lost bytes: 3 new port buffer overruns (3 in all)", first.Message);

        port.Overruns = 4;
        clock.Advance(SerialReceivePump.LossLogIntervalMs - 1);
        port.Receive(Sync);
        Assert.Single(logger.Entries); // too soon: the minute's statistics line carries the total meanwhile

        clock.Advance(1);
        port.Receive(Sync);
        Assert.Equal(2, logger.Entries.Count);
        Assert.Contains("1 new port buffer overruns (4 in all)", logger.Entries[1].Message);
        Assert.Equal(4, pump.Overruns);
    }

    [Fact]
    public void Bytes_the_ring_has_no_room_for_are_logged_too()
    {
        var logger = new RecordingLogger();
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port, logger: logger, ring: 8);
        pump.Start();
        port.Receive(Sync); // 10 bytes into 8
        Assert.Contains("2 bytes the receive ring had no room for (2 in all)", Assert.Single(logger.Entries).Message);
    }

    [Fact]
    public void Receiving_and_reading_allocate_nothing()
    {
        var clock = new ManualClock();
        var port = new PrefilledPort(Sync);
        using var pump = Pump(port, clock);
        var link = new PumpedByteLink(pump.Ring, port);
        pump.Start();
        var buffer = new byte[64];
        for (var i = 0; i < 1_000; i++)
        {
            port.Arrive();
            pump.WaitForBytes(0);
            link.Read(buffer);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            clock.Advance(20);
            port.Arrive();
            pump.WaitForBytes(0);
            link.Read(buffer);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101_000L * Sync.Length, pump.Bytes);
    }

    [Fact]
    public void The_pumped_link_reads_from_the_ring_and_writes_to_the_port()
    {
        var port = new FakeSerialPort(SerialSettings.VeBus("COM4"));
        using var pump = Pump(port, ring: 64);
        var link = new PumpedByteLink(pump.Ring, port);
        port.Receive(Sync);
        pump.PollOnce();

        Assert.Equal(Sync.Length, link.BytesAvailable);
        var buffer = new byte[32];
        Assert.Equal(Sync.Length, link.Read(buffer));
        Assert.Equal(Sync, buffer[..Sync.Length]);

        link.Write(new byte[] { 0x98, 0xF7 });
        Assert.Equal(new byte[] { 0x98, 0xF7 }, port.Written);
    }

    [Fact]
    public void The_link_service_gets_the_ve_bus_port_and_reports_the_multi_state_to_the_engine()
    {
        FakeLink? service = null;
        var rig = new BoardRig(link: context => service = new FakeLink(context));
        rig.Healthy();
        Assert.NotNull(rig.Io.Serial);
        Assert.Equal("COM4", rig.Io.Serial!.Settings.PortName);
        Assert.Equal(256_000, rig.Io.Serial.Settings.BaudRate);

        rig.Board.StartLink();
        Assert.True(service!.Started);
        Assert.True(rig.Board.Receiver!.IsRunning);
        Assert.True(rig.Io.Serial.HasListener);

        service.Context.MultiOn.Set(true);
        rig.Run(1_000);
        var snapshot = service.Context.Engine.Latest;
        var allowToCharge = service.Context.Engine.Descriptor.Flag("AllowToCharge");
        Assert.True(snapshot.Flag(allowToCharge));
        Assert.True(snapshot.Cycle > 0);
        Assert.Equal(1d, rig.Board.MultiOn.Read());

        rig.Board.StopLink();
        Assert.True(service.Stopped);
        Assert.False(rig.Board.Receiver.IsRunning);
        Assert.True(double.IsNaN(rig.Board.MultiOn.Read()));
    }

    private sealed class FakeLink : ILinkService
    {
        public FakeLink(LinkContext context) => Context = context;

        public LinkContext Context { get; }

        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public void Start() => Started = true;

        public void Stop() => Stopped = true;
    }

    /// <summary>A port that offers the same frame again at every arrival, without allocating.</summary>
    private sealed class PrefilledPort : ISerialPortLink
    {
        private readonly byte[] _frame;
        private int _left;

        public PrefilledPort(byte[] frame) => _frame = frame;

        public event Action? BytesArrived;

        public long Overruns => 0;

        public void Arrive()
        {
            _left = _frame.Length;
            BytesArrived?.Invoke();
        }

        public int BytesAvailable => _left;

        public int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, _left);
            _frame.AsSpan(_frame.Length - _left, n).CopyTo(buffer);
            _left -= n;
            return n;
        }

        public void Write(ReadOnlySpan<byte> data)
        {
        }
    }

    private sealed class ThrowingOncePort : ISerialPortLink
    {
        private int _calls;

        public event Action? BytesArrived;

        public long Overruns => 0;

        public void Arrive() => BytesArrived?.Invoke();

        public int BytesAvailable => ++_calls == 1 ? throw new InvalidOperationException("UART overrun") : _calls == 2 ? 3 : 0;

        public int Read(Span<byte> buffer)
        {
            buffer[0] = 1;
            buffer[1] = 2;
            buffer[2] = 3;
            return 3;
        }

        public void Write(ReadOnlySpan<byte> data)
        {
        }
    }
}
