using System;
using System.CommandLine;
using System.IO;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;

namespace BmsRules.Desktop.Commands;

/// <summary>Options shared by the commands that run on a serial device: the port, its speed, how long to run.</summary>
internal static class SerialOptions
{
    public static Option<string> Port() => new("--port")
    {
        Description = "Serial device or pseudo-terminal, e.g. /dev/ttyUSB0 or a socat pty link.",
        Required = true,
    };

    public static Option<int> Baud() => new("--baud")
    {
        Description = "Line speed (VE.Bus: 256000).",
        DefaultValueFactory = _ => LinuxSerialPort.VeBusBaud,
    };

    public static Option<double?> Duration() => new("--duration") { Description = "Stop after this many seconds (default: until interrupted)." };

    /// <summary>Opens the port, or prints why not and returns null.</summary>
    public static LinuxSerialPort? Open(string command, string path, int baud, TextWriter error)
    {
        try
        {
            return LinuxSerialPort.Open(path, baud);
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or ArgumentOutOfRangeException)
        {
            error.WriteLine($"bms vebus {command}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Milliseconds until <paramref name="until"/>, within 0..<paramref name="max"/>.</summary>
    public static int Wait(long until, long now, int max) => (int)Math.Clamp(until - now, 0, max);
}
