using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Products;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms vebus bms --port DEV [--script FILE] [--set NAME=VALUE]… [--speed N]</c>: the BMS engine on a serial
/// device, from the healthy V2 inputs (changed by <c>--set</c> and a timed script), answering sync frames with
/// BMS frames. One status line whenever the frame's flags change.
/// </summary>
internal static class VeBusBmsCommand
{
    public static Command Create()
    {
        var port = SerialOptions.Port();
        var baud = SerialOptions.Baud();
        var duration = SerialOptions.Duration();
        var product = ProductOption.Create();
        var script = new Option<FileInfo?>("--script") { Description = "Timed input changes, one per line: TIME NAME=VALUE… (TIME in engine time, e.g. 2s or 500ms)." };
        var set = new Option<string[]>("--set") { Description = "Change a starting input: NAME=VALUE (repeatable), e.g. --set CellMinVoltage=2.7." };
        var speed = new Option<double>("--speed")
        {
            Description = "Engine time runs this many times faster than bus time (timers pass quicker; bus timing stays real).",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("bms", "Run the BMS engine on a serial device: scripted inputs in, BMS frames to the Multi in the gaps after its sync frames.")
        {
            port, baud, duration, product, script, set, speed,
        };
        command.SetAction((result, token) => Task.Run(
            () => Run(result.GetValue(port)!, result.GetValue(baud), result.GetValue(duration), result.GetValue(product)!, result.GetValue(script),
                result.GetValue(set) ?? Array.Empty<string>(), result.GetValue(speed), Console.Out, Console.Error, token),
            CancellationToken.None));
        return command;
    }

    public static int Run(string path, int baud, double? seconds, string productId, FileInfo? scriptFile, string[] sets, double speed,
        TextWriter output, TextWriter error, CancellationToken token)
    {
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        if (descriptor.VeBus is null)
        {
            error.WriteLine($"bms vebus bms: {descriptor.DisplayName} has no VE.Bus frame.");
            return 2;
        }
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            error.WriteLine($"bms vebus bms: --speed must be a positive number, not {speed}.");
            return 2;
        }
        InputScript script;
        try
        {
            script = InputScript.Parse(descriptor, sets, scriptFile is null ? null : File.ReadAllText(scriptFile.FullName));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bms vebus bms: {ex.Message}");
            return 2;
        }
        using var serial = SerialOptions.Open("bms", path, baud, error);
        if (serial is null) return 2;

        var engine = ProductRegistry.Create(productId);
        var clock = Stopwatch.StartNew();
        var bms = new BmsEndpoint(engine, serial, script, speed, 0);
        var end = seconds is null ? long.MaxValue : (long)(seconds.Value * 1000);
        output.WriteLine($"bms: {descriptor.DisplayName} on {path} at {serial.Baud} baud; engine speed ×{speed}; " +
                         $"{script.Changes.Count} scripted change(s); BMS frame layout {(descriptor.VeBus.Provisional ? "provisional" : "confirmed")}");
        var linkErrors = 0L;
        while (!token.IsCancellationRequested)
        {
            var now = clock.ElapsedMilliseconds;
            if (now >= end) break;
            try
            {
                if (bms.Tick(now)) output.WriteLine($"bms t={now}ms engine={bms.EngineTime(now)}ms {bms.Describe()} frames-sent={bms.Link.Transmitter.FramesSent}");
            }
            catch (IOException)
            {
                linkErrors++;
            }
            var wait = SerialOptions.Wait(bms.NextStepMs, clock.ElapsedMilliseconds, (int)BmsEndpoint.StepMs);
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
        output.WriteLine($"bms: stopped; syncs={bms.Link.SyncsSeen} frames-sent={bms.Link.Transmitter.FramesSent} late-syncs={bms.Link.LateSyncs} " +
                         $"rejected={bms.Link.Rejections} link-errors={linkErrors}");
        return 0;
    }
}
