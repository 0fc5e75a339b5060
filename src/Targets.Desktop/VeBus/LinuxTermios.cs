using System.Runtime.InteropServices;

namespace BmsRules.Desktop.VeBus;

/// <summary>
/// The libc calls and Linux constants a raw serial device needs. Values are those of the generic Linux ABI
/// (include/uapi/asm-generic: x86-64, x86, arm, arm64, riscv); other architectures number them differently and
/// are refused by <see cref="LinuxSerialPort"/>.
/// </summary>
internal static unsafe partial class LinuxTermios
{
    // fcntl.h
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    // errno.h
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int EAGAIN = 11;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;

    // termbits.h: c_iflag
    public const uint IGNBRK = 0x1, BRKINT = 0x2, IGNPAR = 0x4, PARMRK = 0x8, INPCK = 0x10, ISTRIP = 0x20,
        INLCR = 0x40, IGNCR = 0x80, ICRNL = 0x100, IXON = 0x400, IXANY = 0x800, IXOFF = 0x1000;

    // c_oflag
    public const uint OPOST = 0x1;

    // c_lflag
    public const uint ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHONL = 0x40, IEXTEN = 0x8000;

    // c_cflag. BOTHER in CBAUD means "the speed is in c_ospeed"; CIBAUD is the same field for input, IBSHIFT up.
    public const uint CBAUD = 0x100F, BOTHER = 0x1000, CSIZE = 0x30, CS8 = 0x30, CSTOPB = 0x40, CREAD = 0x80,
        PARENB = 0x100, CLOCAL = 0x800, CIBAUD = 0x100F0000, CRTSCTS = 0x80000000;
    public const int IBSHIFT = 16;

    // c_cc indices
    public const int VTIME = 5, VMIN = 6;

    // ioctl requests: _IOR('T', 0x2A, struct termios2) and _IOW('T', 0x2B, struct termios2) (44 bytes), FIONREAD.
    public const uint TCGETS2 = 0x802C542A;
    public const uint TCSETS2 = 0x402C542B;
    public const uint FIONREAD = 0x541B;

    // poll.h
    public const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;

    /// <summary>struct termios2 (asm-generic/termbits.h): the termios with explicit input and output speeds.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Termios2
    {
        public uint c_iflag;
        public uint c_oflag;
        public uint c_cflag;
        public uint c_lflag;
        public byte c_line;
        public fixed byte c_cc[19];
        public uint c_ispeed;
        public uint c_ospeed;
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, Termios2* data);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, int* data);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "isatty", SetLastError = true)]
    public static partial int IsATty(int fd);
}
