using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms vebus encode [--allow-charge] [--allow-discharge] [--charge-reduction] [--low-power]
/// [--set FIELD=VALUE]… [--frame-number N]</c>: the BMS frame of the spec's (provisional) layout as hex, for bench
/// testing. Flags not given are 0; constants are the spec's unless set. Exit 2 on bad options.
/// </summary>
internal static class VeBusEncodeCommand
{
    // Option → the layout field it sets (the V2 layout's names).
    private static readonly (string Option, string Field, string Help)[] Flags =
    {
        ("--allow-charge", "AllowToCharge", "Set AllowToCharge."),
        ("--allow-discharge", "AllowToDischarge", "Set AllowToDischarge."),
        ("--charge-reduction", "ChargeReduction", "Set ChargeReduction."),
        ("--low-power", "LowPowerMode", "Set LowPowerMode (hold the Multi in low-power mode)."),
    };

    public static Command Create()
    {
        var command = new Command("encode", "Print a BMS frame (the spec's provisional layout) as hex, from options, for bench testing.");
        var flags = new Option<bool>[Flags.Length];
        for (var i = 0; i < Flags.Length; i++)
        {
            flags[i] = new Option<bool>(Flags[i].Option) { Description = Flags[i].Help };
            command.Options.Add(flags[i]);
        }
        var set = new Option<string[]>("--set") { Description = "Set any layout field: FIELD=VALUE (repeatable), e.g. --set Version=1146100." };
        var number = new Option<int>("--frame-number", "-n") { Description = "Frame number 0..127 (the last number seen on the bus + 1).", DefaultValueFactory = _ => 0 };
        var product = ProductOption.Create();
        command.Options.Add(set);
        command.Options.Add(number);
        command.Options.Add(product);
        command.SetAction(result =>
        {
            var given = new bool[Flags.Length];
            for (var i = 0; i < given.Length; i++) given[i] = result.GetValue(flags[i]);
            return Run(given, result.GetValue(set) ?? Array.Empty<string>(), result.GetValue(number), result.GetValue(product)!, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(bool[] flags, string[] sets, int frameNumber, string productId, TextWriter output, TextWriter error)
    {
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        if (descriptor.VeBus is null)
        {
            error.WriteLine($"bms vebus encode: {descriptor.DisplayName} has no VE.Bus frame (no 'vebus:' section).");
            return 2;
        }
        if (!VeBusFrameNumber.IsValid(frameNumber))
        {
            error.WriteLine($"bms vebus encode: --frame-number must be 0..127, not {frameNumber}.");
            return 2;
        }
        var format = new VeBusBmsFrameFormat(descriptor.VeBus);
        var values = format.DefaultValues();
        try
        {
            for (var i = 0; i < Flags.Length; i++)
            {
                if (flags[i]) values[format.Field(Flags[i].Field)] = 1;
            }
            foreach (var text in sets)
            {
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw new ArgumentException($"--set '{text}' is not FIELD=VALUE.");
                var field = format.Field(text.Substring(0, eq));
                var valueText = text.Substring(eq + 1);
                long value;
                if (valueText.Equals("true", StringComparison.OrdinalIgnoreCase)) value = 1;
                else if (valueText.Equals("false", StringComparison.OrdinalIgnoreCase)) value = 0;
                else if (!long.TryParse(valueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < 0)
                {
                    throw new ArgumentException($"--set '{text}': '{valueText}' is not a whole number ≥ 0 or true/false.");
                }
                var f = format.Fields[field];
                if (f.IsFlag && value > 1) throw new ArgumentException($"--set '{text}': {f.Name} is one bit (0 or 1).");
                if (!f.IsFlag && f.Bytes < 8 && value >= 1L << (8 * f.Bytes)) throw new ArgumentException($"--set '{text}': {value} does not fit in {f.Bytes} byte(s).");
                values[field] = value;
            }
        }
        catch (ArgumentException ex)
        {
            error.WriteLine("bms vebus encode: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            return 2;
        }

        var wire = new byte[format.MaxWireLength];
        if (!format.TryEncode(values, frameNumber, wire, out var written))
        {
            error.WriteLine("bms vebus encode: the frame does not encode (see the layout in the spec).");
            return 2;
        }
        output.WriteLine(HexInput.Format(wire.AsSpan(0, written)));
        return 0;
    }
}
