using System;
using System.CommandLine;
using System.IO;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms vebus decode [FILE|-] [--stream] [--product ID]</c>: one line per frame of a hex dump — <c>ok</c> or the
/// rejection reason, address, kind, frame number, the fields known, and the frame's bytes (re-encoded from the
/// decoded fields for frames that are ok). Exit 0 when every frame is ok, 1 when any was rejected, 2 when the
/// input cannot be read or is not hex.
/// </summary>
internal static class VeBusDecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "Hex dump to decode; '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var stream = new Option<bool>("--stream") { Description = "The lines are one byte stream (a wrapped capture), not one frame per line." };
        var product = ProductOption.Create();
        var command = new Command("decode", "Decode VE.Bus frames from a hex dump (one frame per line, or --stream for a raw byte stream).") { file, stream, product };
        command.SetAction(result => Run(result.GetValue(file), result.GetValue(stream), result.GetValue(product)!, Console.In, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? file, bool stream, string productId, TextReader stdin, TextWriter output, TextWriter error)
    {
        var descriptor = ProductOption.Resolve(productId, error);
        if (descriptor is null) return 2;
        var bms = descriptor.VeBus is null ? null : new VeBusBmsFrameFormat(descriptor.VeBus);
        TextReader input;
        try
        {
            input = file is null or "-" ? stdin : new StreamReader(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"bms vebus decode: cannot read '{file}': {ex.Message}");
            return 2;
        }

        var decoder = new HexDumpDecoder(bms, output);
        try
        {
            decoder.Decode(input, stream);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"bms vebus decode: {file ?? "stdin"} {ex.Message}.");
            return 2;
        }
        catch (IOException ex)
        {
            error.WriteLine($"bms vebus decode: cannot read '{file}': {ex.Message}");
            return 2;
        }
        finally
        {
            if (!ReferenceEquals(input, stdin)) input.Dispose();
        }
        error.WriteLine($"{decoder.Frames} frame(s) ok, {decoder.Rejections} rejected.");
        return decoder.Rejections == 0 ? 0 : 1;
    }
}
