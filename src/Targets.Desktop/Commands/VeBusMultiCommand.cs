using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BmsRules.Desktop.VeBus;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms vebus multi --port DEV</c>: a simulated Multi on a serial device: a sync frame every 20 ms, BMS frames
/// received and checked, one status line whenever what it knows about the BMS changes (and emergency mode when
/// BMS frames stop for <see cref="MultiBmsMonitor.BmsFrameTimeoutMs"/>).
/// </summary>
internal static class VeBusMultiCommand
{
    public static Command Create()
    {
        var port = SerialOptions.Port();
        var baud = SerialOptions.Baud();
        var duration = SerialOptions.Duration();
        var product = ProductOption.Create();
        var command = new Command("multi", "Run a simulated Multi on a serial device: sync frames every 20 ms, BMS frames in, the BMS view out.")
        {
            port, baud, duration, product,
        };
        command.SetAction((result, token) => Task.Run(
            () => Run(result.GetValue(port)!, result.GetValue(baud), result.GetValue(duration), result.GetValue(product)!, Console.Out, Console.Error, token),
            CancellationToken.None));
        return command;
    }

    public static int Run(string path, int baud, double? seconds, string productId, TextWriter output, TextWriter error, CancellationToken token)
    {
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        if (descriptor.VeBus is null)
        {
            error.WriteLine($"bms vebus multi: {descriptor.DisplayName} has no VE.Bus frame.");
            return 2;
        }
        using var serial = SerialOptions.Open("multi", path, baud, error);
        if (serial is null) return 2;

        var clock = Stopwatch.StartNew();
        var multi = new MultiEndpoint(descriptor.VeBus, serial, 0);
        var end = seconds is null ? long.MaxValue : (long)(seconds.Value * 1000);
        output.WriteLine($"multi: on {path} at {serial.Baud} baud; sync every {MultiEndpoint.SyncPeriodMs} ms; " +
                         $"emergency after {MultiBmsMonitor.BmsFrameTimeoutMs} ms without a BMS frame");
        MultiBmsView? shown = null;
        while (!token.IsCancellationRequested)
        {
            var now = clock.ElapsedMilliseconds;
            if (now >= end) break;
            multi.Poll(now);
            var view = multi.View(now);
            if (view != shown)
            {
                output.WriteLine(Status(multi, view, now));
                shown = view;
            }
            var wait = SerialOptions.Wait(multi.NextSyncMs, clock.ElapsedMilliseconds, (int)MultiEndpoint.SyncPeriodMs);
            SerialWait state;
            try
            {
                state = serial.WaitReadable(wait);
            }
            catch (IOException)
            {
                state = SerialWait.HungUp;
            }
            if (state == SerialWait.HungUp && wait > 0) Thread.Sleep(wait);
        }
        output.WriteLine("multi: stopped; " + Status(multi, multi.View(clock.ElapsedMilliseconds), clock.ElapsedMilliseconds));
        output.WriteLine("multi: sync → BMS frame, as the Multi saw it: " + Histogram(multi));
        return 0;
    }

    private static string Histogram(MultiEndpoint multi)
    {
        var parts = new string[multi.SyncToBmsHistogram.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var bound = i < MultiEndpoint.HistogramBoundsMicroseconds.Count
                ? "≤" + (MultiEndpoint.HistogramBoundsMicroseconds[i] / 1000).ToString("0.###", CultureInfo.InvariantCulture) + "ms"
                : ">" + (MultiEndpoint.HistogramBoundsMicroseconds[^1] / 1000).ToString("0.###", CultureInfo.InvariantCulture) + "ms";
            parts[i] = bound + ":" + multi.SyncToBmsHistogram[i].ToString(CultureInfo.InvariantCulture);
        }
        return string.Join(" ", parts);
    }

    private static string Status(MultiEndpoint multi, MultiBmsView view, long now) =>
        string.Create(CultureInfo.InvariantCulture,
            $"multi t={now}ms {view} syncs={multi.SyncsSent} frames={multi.Monitor.FramesAccepted} ignored={multi.FramesIgnored} " +
            $"rejected={multi.Rejections} link-errors={multi.LinkErrors} sync-to-bms-us={multi.LastSyncToBmsMicroseconds:0}/{multi.MaxSyncToBmsMicroseconds:0}");
}
