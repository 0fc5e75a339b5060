using System;
using System.IO;
using System.Threading;
using BmsRules.Desktop.Tests.Infrastructure;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using Xunit;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary>The Linux serial device over a pseudo-terminal pair: raw bytes both ways at 256000 baud, clear errors.</summary>
public sealed class LinuxSerialPortTests
{
    private static byte[] ReadAtLeast(LinuxSerialPort port, int count)
    {
        var received = new MemoryStream();
        var buffer = new byte[256];
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (received.Length < count && DateTime.UtcNow < deadline)
        {
            if (port.WaitReadable(100) != SerialWait.Readable) continue;
            received.Write(buffer, 0, port.Read(buffer));
        }
        return received.ToArray();
    }

    [Fact]
    public void A_pseudo_terminal_opens_raw_at_256000_baud_and_carries_every_byte_value_both_ways()
    {
        using var pair = PtyPair.Start();
        using var a = LinuxSerialPort.Open(pair.A);
        using var b = LinuxSerialPort.Open(pair.B);
        var all = new byte[256];
        for (var i = 0; i < all.Length; i++) all[i] = (byte)i;

        a.Write(all);
        var atB = ReadAtLeast(b, all.Length);
        b.Write(all);
        var atA = ReadAtLeast(a, all.Length);

        Assert.Equal(256_000u, a.Baud);
        Assert.Equal(all, atB);
        Assert.Equal(all, atA);
    }

    [Fact]
    public void Nothing_to_read_returns_zero_at_once_and_waiting_times_out()
    {
        using var pair = PtyPair.Start();
        using var a = LinuxSerialPort.Open(pair.A);

        Assert.Equal(0, a.Read(new byte[16]));
        Assert.Equal(0, a.BytesAvailable);
        Assert.Equal(SerialWait.Timeout, a.WaitReadable(30));
    }

    [Fact]
    public void Bytes_waiting_are_counted()
    {
        using var pair = PtyPair.Start();
        using var a = LinuxSerialPort.Open(pair.A);
        using var b = LinuxSerialPort.Open(pair.B);

        a.Write(new byte[] { 1, 2, 3 });
        Assert.Equal(SerialWait.Readable, b.WaitReadable(2_000));
        Thread.Sleep(50);

        Assert.Equal(3, b.BytesAvailable);
    }

    [Fact]
    public void A_device_that_is_not_a_terminal_is_refused_with_the_reason()
    {
        var error = Assert.Throws<IOException>(() => LinuxSerialPort.Open("/dev/null"));

        Assert.Contains("'/dev/null' is not a terminal device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_device_is_refused_with_the_system_reason()
    {
        var error = Assert.Throws<IOException>(() => LinuxSerialPort.Open("/dev/ttyNOSUCHDEVICE"));

        Assert.Contains("cannot open serial device '/dev/ttyNOSUCHDEVICE'", error.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_port_says_so()
    {
        using var pair = PtyPair.Start();
        var a = LinuxSerialPort.Open(pair.A);
        a.Dispose();

        Assert.Throws<ObjectDisposedException>(() => a.Read(new byte[4]));
    }

    [Fact]
    public void The_serial_commands_report_a_device_they_cannot_open_and_exit_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = BmsRules.Desktop.Commands.VeBusMultiCommand.Run("/dev/null", LinuxSerialPort.VeBusBaud, 1, "VeBusBmsV2",
            new BmsRules.Desktop.Commands.VeBusMultiCommand.Setup(true, BmsRules.Simulation.MultiSwitch.On, "2629492", false, 12), output, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("bms vebus multi: '/dev/null' is not a terminal device", error.ToString(), StringComparison.Ordinal);
    }
}
