using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Xunit.Sdk;

namespace BmsRules.Desktop.Tests.Infrastructure;

/// <summary>
/// A connected pseudo-terminal pair made by socat (Debian package 'socat'; .ci/run installs it): what one side
/// writes to <see cref="A"/> the other reads from <see cref="B"/>, and back. Disposing stops socat.
/// </summary>
public sealed class SocatPair : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SocatPair(Process process, string directory)
    {
        _process = process;
        _directory = directory;
        A = Path.Combine(directory, "a");
        B = Path.Combine(directory, "b");
    }

    /// <summary>One end (a symbolic link to its /dev/pts device).</summary>
    public string A { get; }

    /// <summary>The other end.</summary>
    public string B { get; }

    /// <summary>socat's path on <paramref name="searchPath"/> (default: $PATH), or null.</summary>
    public static string? Find(string? searchPath = null)
    {
        foreach (var dir in (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "socat");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Starts socat; fails the test with an install hint when socat is not installed.</summary>
    public static SocatPair Start(string? searchPath = null)
    {
        var socat = Find(searchPath)
                    ?? throw new XunitException("socat is not installed, but the VE.Bus pseudo-terminal tests need it: install it " +
                                                "(Debian/Ubuntu: apt-get install socat; .ci/run installs it).");
        var directory = Path.Combine(Path.GetTempPath(), "bms-vebus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo(socat)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={directory}/a", $"pty,raw,echo=0,link={directory}/b" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new XunitException("socat did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var pair = new SocatPair(process, directory);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(pair.A) && File.Exists(pair.B)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                pair.Dispose();
                throw new XunitException("socat did not create the pseudo-terminal pair within 10 s.");
            }
            Thread.Sleep(20);
        }
        return pair;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
