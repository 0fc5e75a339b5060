using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Xunit.Sdk;

namespace BmsRules.Desktop.Tests.Infrastructure;

/// <summary>The <c>bms</c> tool run as its own process (the built bms.dll under the same dotnet host), its output collected line by line.</summary>
public sealed class BmsProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();

    private BmsProcess(Process process) => _process = process;

    /// <summary>Output lines so far (standard output and error).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return _lines.ToArray();
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>bms <paramref name="args"/></c>.</summary>
    public static BmsProcess Start(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host)) host = "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new XunitException("bms did not start.");
        var bms = new BmsProcess(process);
        process.OutputDataReceived += (_, e) => bms.Add(e.Data);
        process.ErrorDataReceived += (_, e) => bms.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bms;
    }

    /// <summary>Waits for a line matching <paramref name="match"/> after line <paramref name="from"/>; returns its index, or fails with the output so far.</summary>
    public int WaitForLine(Func<string, bool> match, TimeSpan timeout, int from = 0, string? what = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = Lines;
            for (var i = from; i < lines.Count; i++)
            {
                if (match(lines[i])) return i;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException($"No line {what ?? "matching"} within {timeout.TotalSeconds} s. Output:\n" + string.Join("\n", lines.TakeLast(40)));
            }
            Thread.Sleep(20);
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5_000);
    }

    /// <summary>Waits for the process to end; returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds)) throw new XunitException("bms did not exit in time. Output:\n" + string.Join("\n", Lines));
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
    }
}
