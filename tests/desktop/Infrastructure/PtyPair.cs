using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using Xunit.Sdk;

namespace BmsRules.Desktop.Tests.Infrastructure;

/// <summary>
/// A connected pair of pseudo-terminals, like socat's <c>pty,raw,echo=0</c> pair but made in-process so the
/// tests need nothing beyond the .NET SDK: two kernel ptys (posix_openpt), their slave ends put in raw mode and
/// held open, and a relay thread copying every byte between the two master ends. What a process writes to
/// <see cref="A"/> another reads from <see cref="B"/>, and back — real OS serial devices, opened by path.
/// </summary>
public sealed class PtyPair : IDisposable
{
    private const int OpenReadWrite = 0x2;
    private const int OpenNoControllingTerminal = 0x100;
    private const short PollIn = 0x1;

    private readonly int[] _masters;
    private readonly LinuxSerialPort[] _slaves;
    private readonly Thread _relay;
    private volatile bool _stopping;

    private PtyPair(int[] masters, string[] slavePaths, LinuxSerialPort[] slaves)
    {
        _masters = masters;
        _slaves = slaves;
        A = slavePaths[0];
        B = slavePaths[1];
        _relay = new Thread(Relay) { IsBackground = true, Name = "pty relay" };
        _relay.Start();
    }

    /// <summary>One end (a /dev/pts device).</summary>
    public string A { get; }

    /// <summary>The other end.</summary>
    public string B { get; }

    /// <summary>Bytes relayed so far, both directions.</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    private long _relayed;

    /// <summary>Creates the pair and starts relaying.</summary>
    public static PtyPair Start()
    {
        if (!OperatingSystem.IsLinux()) throw new XunitException("The pseudo-terminal tests need Linux.");
        var masters = new int[2];
        var paths = new string[2];
        var slaves = new LinuxSerialPort[2];
        for (var i = 0; i < 2; i++)
        {
            masters[i] = posix_openpt(OpenReadWrite | OpenNoControllingTerminal);
            if (masters[i] < 0 || grantpt(masters[i]) != 0 || unlockpt(masters[i]) != 0)
            {
                throw new XunitException($"Could not create a pseudo-terminal (errno {Marshal.GetLastPInvokeError()}).");
            }
            var name = new byte[128];
            if (ptsname_r(masters[i], name, (nuint)name.Length) != 0) throw new XunitException("ptsname_r failed.");
            paths[i] = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
            // Raw, no echo, from the start (as socat's raw,echo=0), and held open so a client closing its end
            // does not hang the pty up. This handle is never read: the client gets every byte.
            slaves[i] = LinuxSerialPort.Open(paths[i]);
        }
        return new PtyPair(masters, paths, slaves);
    }

    private void Relay()
    {
        var fds = new PollFd[2];
        var buffer = new byte[4096];
        while (!_stopping)
        {
            fds[0] = new PollFd { Fd = _masters[0], Events = PollIn };
            fds[1] = new PollFd { Fd = _masters[1], Events = PollIn };
            if (poll(fds, 2, 50) <= 0) continue;
            for (var i = 0; i < 2; i++)
            {
                if ((fds[i].Revents & PollIn) == 0) continue;
                var count = (int)read(_masters[i], buffer, (nuint)buffer.Length);
                if (count <= 0) continue;
                var pending = buffer.AsSpan(0, count).ToArray();
                var written = 0;
                while (written < pending.Length)
                {
                    var n = (int)write(_masters[1 - i], pending[written..], (nuint)(pending.Length - written));
                    if (n <= 0) break;
                    written += n;
                }
                Interlocked.Add(ref _relayed, written);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping = true;
        _relay.Join(2_000);
        foreach (var slave in _slaves) slave.Dispose();
        foreach (var master in _masters) close(master);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlockpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int ptsname_r(int fd, byte[] buffer, nuint length);

    [DllImport("libc", SetLastError = true)]
    private static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int fd, byte[] buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
