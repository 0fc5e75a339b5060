using System;
using System.IO;
using System.Runtime.InteropServices;
using BmsRules.Runtime.Hardware;
using static BmsRules.Desktop.VeBus.LinuxTermios;

namespace BmsRules.Desktop.VeBus;

/// <summary>What <see cref="LinuxSerialPort.WaitReadable"/> found.</summary>
internal enum SerialWait
{
    /// <summary>Bytes can be read.</summary>
    Readable,

    /// <summary>Nothing arrived in time.</summary>
    Timeout,

    /// <summary>The other side is gone (a pseudo-terminal whose peer closed, an unplugged adapter).</summary>
    HungUp,
}

/// <summary>
/// A serial device on Linux (a USB-RS485 adapter, a pseudo-terminal) opened raw: 8N1, no flow control, no echo, no
/// line editing, non-blocking reads. The speed is set through termios2 (<c>TCSETS2</c> with <c>BOTHER</c>), because
/// standard termios has no constant for VE.Bus's 256000 baud; the speed the driver accepted is read back, and a
/// device that cannot do it is refused with the reason. System.IO.Ports is not used (not available here).
/// </summary>
internal sealed unsafe class LinuxSerialPort : IByteLink, IDisposable
{
    /// <summary>VE.Bus: 256000 baud (vebus.md).</summary>
    public const int VeBusBaud = 256_000;

    private int _fd;

    private LinuxSerialPort(string path, int fd, uint baud)
    {
        Path = path;
        _fd = fd;
        Baud = baud;
    }

    /// <summary>The device path.</summary>
    public string Path { get; }

    /// <summary>The speed the driver accepted.</summary>
    public uint Baud { get; }

    /// <summary>
    /// Opens <paramref name="path"/> raw at <paramref name="baud"/>. Throws <see cref="PlatformNotSupportedException"/>
    /// off Linux or on an architecture whose termios2 ABI differs, <see cref="IOException"/> with the reason when the
    /// device cannot be opened or configured, or when its driver does not accept the speed.
    /// </summary>
    public static LinuxSerialPort Open(string path, int baud = VeBusBaud)
    {
        EnsureSupported();
        if (baud <= 0) throw new ArgumentOutOfRangeException(nameof(baud), "The speed must be positive.");
        var fd = LinuxTermios.Open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw Error($"cannot open serial device '{path}'");
        try
        {
            if (IsATty(fd) != 1) throw new IOException($"'{path}' is not a terminal device (not a serial port or pseudo-terminal).");
            var accepted = Configure(fd, path, (uint)baud);
            return new LinuxSerialPort(path, fd, accepted);
        }
        catch
        {
            LinuxTermios.Close(fd);
            throw;
        }
    }

    /// <inheritdoc/>
    public int BytesAvailable
    {
        get
        {
            int count;
            return Ioctl(Fd, FIONREAD, &count) == 0 ? count : 0;
        }
    }

    /// <summary>
    /// Reads what is there without waiting (0 when nothing is: raw mode with VMIN = VTIME = 0 returns at once).
    /// Throws <see cref="IOException"/> when the device failed (a pseudo-terminal whose other side closed reads EIO);
    /// <see cref="WaitReadable"/> reports a hang-up.
    /// </summary>
    public int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = LinuxTermios.Read(Fd, p, (nuint)buffer.Length);
            if (n >= 0) return (int)n;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            if (errno == EAGAIN) return 0;
            throw Error($"cannot read from '{Path}'", errno);
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, waiting for the driver when its buffer is full.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            nint n;
            fixed (byte* p = data) n = LinuxTermios.Write(Fd, p, (nuint)data.Length);
            if (n > 0)
            {
                data = data.Slice((int)n);
                continue;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            if (errno != EAGAIN) throw Error($"cannot write to '{Path}'", errno);
            var fds = new PollFd { fd = Fd, events = POLLOUT };
            if (Poll(&fds, 1, 100) == 0) throw new IOException($"'{Path}' did not take data for 100 ms.");
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for bytes to read.</summary>
    public SerialWait WaitReadable(int timeoutMs)
    {
        var fds = new PollFd { fd = Fd, events = POLLIN };
        var n = Poll(&fds, 1, Math.Max(0, timeoutMs));
        if (n < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) return SerialWait.Timeout;
            throw Error($"cannot wait for '{Path}'", errno);
        }
        if (n == 0) return SerialWait.Timeout;
        if ((fds.revents & POLLIN) != 0) return SerialWait.Readable;
        return SerialWait.HungUp;
    }

    /// <summary>Closes the device.</summary>
    public void Dispose()
    {
        if (_fd < 0) return;
        LinuxTermios.Close(_fd);
        _fd = -1;
    }

    private int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(LinuxSerialPort), $"'{Path}' is closed.");

    private static uint Configure(int fd, string path, uint baud)
    {
        var t = default(Termios2);
        if (Ioctl(fd, TCGETS2, &t) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw Error(errno == EINVAL || errno == ENOTTY
                ? $"'{path}' does not support termios2 (TCGETS2), so its speed cannot be set to an arbitrary rate such as {baud} baud"
                : $"cannot read the settings of '{path}'", errno);
        }
        t.c_iflag &= ~(IGNBRK | BRKINT | IGNPAR | PARMRK | INPCK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXANY | IXOFF);
        t.c_oflag &= ~OPOST;
        t.c_lflag &= ~(ISIG | ICANON | ECHO | ECHONL | IEXTEN);
        t.c_cflag &= ~(CSIZE | PARENB | CSTOPB | CRTSCTS | CBAUD | CIBAUD);
        t.c_cflag |= CS8 | CREAD | CLOCAL | BOTHER | (BOTHER << IBSHIFT);
        t.c_cc[VMIN] = 0;
        t.c_cc[VTIME] = 0;
        t.c_ispeed = baud;
        t.c_ospeed = baud;
        if (Ioctl(fd, TCSETS2, &t) != 0)
        {
            throw Error($"'{path}' refused raw 8N1 at {baud} baud (TCSETS2 with BOTHER)", Marshal.GetLastPInvokeError());
        }

        var check = default(Termios2);
        if (Ioctl(fd, TCGETS2, &check) != 0) throw Error($"cannot read back the settings of '{path}'");
        // A driver rounds to the rate its clock can make; more than 2 % off garbles 8N1 frames.
        var off = Math.Abs((double)check.c_ospeed - baud) / baud;
        if (off > 0.02)
        {
            throw new IOException($"'{path}' does not support {baud} baud: its driver set {check.c_ospeed} baud. " +
                                  "VE.Bus needs 256000 baud; use an adapter whose driver accepts arbitrary rates (e.g. FTDI, CP210x).");
        }
        if ((check.c_cflag & CSIZE) != CS8 || (check.c_cflag & (PARENB | CSTOPB | CRTSCTS)) != 0)
        {
            throw new IOException($"'{path}' did not accept 8N1 without flow control.");
        }
        return check.c_ospeed;
    }

    private static void EnsureSupported()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                $"The VE.Bus serial link needs Linux termios2 to set 256000 baud; this is {RuntimeInformation.OSDescription}. " +
                "Standard termios has no 256000 constant, so other systems are not supported by this tool.");
        }
        var arch = RuntimeInformation.ProcessArchitecture;
        if (arch is not (Architecture.X64 or Architecture.X86 or Architecture.Arm64 or Architecture.Arm or Architecture.RiscV64))
        {
            throw new PlatformNotSupportedException($"The termios2 layout and ioctl numbers used here are those of the generic Linux ABI; {arch} differs.");
        }
    }

    private static IOException Error(string what) => Error(what, Marshal.GetLastPInvokeError());

    private static IOException Error(string what, int errno) => new($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
}
