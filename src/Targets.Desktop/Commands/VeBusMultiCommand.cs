using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BmsRules.Simulation;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms vebus multi --port DEV [--mains on] [--switch on|off|charger-only] [--firmware N] [--assistant]</c>: a
/// simulated Multi on a serial device: a sync frame every 20 ms, BMS frames received and checked, and behind that
/// endpoint the simulator's Multi model (<see cref="SimpleMultiModel"/>, the same code) acting on them. One status
/// line whenever the Multi's state or what it knows about the BMS changes (emergency mode when BMS frames stop for
/// <see cref="MultiBmsMonitor.BmsFrameTimeoutMs"/>).
/// </summary>
internal static class VeBusMultiCommand
{
    /// <summary>The Multi's surroundings on the bench.</summary>
    internal sealed record Setup(bool Mains, MultiSwitch Switch, string Firmware, bool Assistant, int SystemVoltage);

    public static Command Create()
    {
        var port = SerialOptions.Port();
        var baud = SerialOptions.Baud();
        var duration = SerialOptions.Duration();
        var product = ProductOption.Create();
        var mains = new Option<string>("--mains") { Description = "AC mains at the Multi's input: on or off.", DefaultValueFactory = _ => "off" };
        mains.AcceptOnlyFromAmong("on", "off");
        var frontSwitch = new Option<string>("--switch") { Description = "The Multi's front switch: on, off or charger-only.", DefaultValueFactory = _ => "on" };
        frontSwitch.AcceptOnlyFromAmong("on", "off", "charger-only");
        var firmware = new Option<string>("--firmware")
        {
            Description = "VE.Bus firmware number, seven digits (V2-17: version 489 and later work; 415–488 need --assistant).",
            DefaultValueFactory = _ => new MultiParameters().Firmware,
        };
        var assistant = new Option<bool>("--assistant") { Description = "The VE.Bus BMS or ESS assistant is installed." };
        var systemVoltage = new Option<int>("--system-voltage") { Description = "System voltage: 12, 24 or 48 (the emergency-mode charge voltage).", DefaultValueFactory = _ => 12 };
        systemVoltage.AcceptOnlyFromAmong("12", "24", "48");
        var command = new Command("multi",
            "Run a simulated Multi on a serial device: sync frames every 20 ms, BMS frames in, the simulator's Multi model acting on them.")
        {
            port, baud, duration, product, mains, frontSwitch, firmware, assistant, systemVoltage,
        };
        command.SetAction((result, token) =>
        {
            var setup = new Setup(result.GetValue(mains) == "on", result.GetValue(frontSwitch) switch { "off" => MultiSwitch.Off, "charger-only" => MultiSwitch.ChargerOnly, _ => MultiSwitch.On },
                result.GetValue(firmware)!.Trim(), result.GetValue(assistant), result.GetValue(systemVoltage));
            return Task.Run(
                () => Run(result.GetValue(port)!, result.GetValue(baud), result.GetValue(duration), result.GetValue(product)!, setup, Console.Out, Console.Error, token),
                CancellationToken.None);
        });
        return command;
    }

    public static int Run(string path, int baud, double? seconds, string productId, Setup setup, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!VeBusFirmware.IsWellFormed(setup.Firmware))
        {
            error.WriteLine($"bms vebus multi: --firmware must be the seven-digit VE.Bus firmware number (e.g. 2629492), not '{setup.Firmware}'.");
            return 2;
        }
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        if (descriptor.VeBus is null)
        {
            error.WriteLine($"bms vebus multi: {descriptor.DisplayName} has no VE.Bus frame.");
            return 2;
        }
        using var serial = SerialOptions.Open("multi", path, baud, error);
        if (serial is null) return 2;

        var parameters = new MultiParameters { Firmware = setup.Firmware, Assistant = setup.Assistant, Switch = setup.Switch };
        var cells = setup.SystemVoltage / 12 * 4;
        var model = new SimpleMultiModel(parameters, cells, setup.SystemVoltage);
        // Nothing measures the battery here: the model sees a resting LiFePO4 bank.
        var environment = new MultiEnvironment(setup.Mains, 0, RestingCellVoltage * cells, setup.Switch);
        var clock = Stopwatch.StartNew();
        var multi = new MultiEndpoint(descriptor.VeBus, serial, 0, parameters.BmsTimeoutMs);
        var end = seconds is null ? long.MaxValue : (long)(seconds.Value * 1000);
        output.WriteLine($"multi: on {path} at {serial.Baud} baud; sync every {MultiEndpoint.SyncPeriodMs} ms; " +
                         $"emergency after {parameters.BmsTimeoutMs} ms without a BMS frame; mains {(setup.Mains ? "on" : "off")}, switch {setup.Switch}, " +
                         $"firmware {setup.Firmware} ({model.Compatibility}), {setup.SystemVoltage} V system");
        MultiBmsView? shown = null;
        MultiOutput? shownState = null;
        while (!token.IsCancellationRequested)
        {
            var now = clock.ElapsedMilliseconds;
            if (now >= end) break;
            multi.Poll(now);
            var view = multi.View(now);
            var acting = model.Step(view, environment, now);
            if (view != shown || acting.State != shownState?.State || acting.VeBusError != shownState?.VeBusError)
            {
                output.WriteLine(Status(multi, view, acting, now));
                shown = view;
                shownState = acting;
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
        output.WriteLine("multi: stopped; " + Status(multi, multi.View(clock.ElapsedMilliseconds), model.Last, clock.ElapsedMilliseconds));
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

    /// <summary>A resting LiFePO4 cell (V), the battery voltage the model sees on the bench.</summary>
    private const double RestingCellVoltage = 3.3;

    private static string Status(MultiEndpoint multi, MultiBmsView view, MultiOutput state, long now) =>
        string.Create(CultureInfo.InvariantCulture,
            $"multi t={now}ms state={state.State} charge-limit={state.ChargeLimit:0.#}A inverting={(state.State == MultiState.Inverting ? "yes" : "no")} " +
            $"vebus-error={state.VeBusError} {view} syncs={multi.SyncsSent} frames={multi.Monitor.FramesAccepted} ignored={multi.FramesIgnored} " +
            $"rejected={multi.Rejections} link-errors={multi.LinkErrors} sync-to-bms-us={multi.LastSyncToBmsMicroseconds:0}/{multi.MaxSyncToBmsMicroseconds:0}");
}
