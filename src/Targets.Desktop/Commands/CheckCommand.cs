using System;
using System.CommandLine;
using System.IO;
using BmsRules.Generator;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms check [SPEC]</c>: compiles a spec exactly as the build does (with the behaviour catalogue beside it) and prints its diagnostics
/// MSBuild-style (<c>file(line,col): error BMSnnn: message</c>). Exit 0 when clean, 1 on errors, 2 when the file cannot be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var spec = new Argument<string?>("SPEC")
        {
            Description = $"The spec to check (default: {SpecLocator.RelativePath}, searched from the current directory upwards).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check", "Check a rule spec: YAML, names, units, hysteresis, truth tables, provenance, catalogue coverage.")
        {
            spec,
        };
        command.SetAction(result => Run(result.GetValue(spec), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? given, TextWriter output, TextWriter error)
    {
        if (!SpecLocator.TryRead(given, "check", error, out var path, out var text)) return 2;

        var result = SpecCompiler.Compile(path, text, SpecLocator.Companions(path));
        foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic.ToMsBuildString());
        if (result.Failed)
        {
            error.WriteLine($"{path}: {result.Diagnostics.Count} problem(s).");
            return 1;
        }

        foreach (var engine in result.Engines)
        {
            output.WriteLine($"{path}: {engine.ProductId} ok ({engine.Inputs.Count} inputs, {engine.Settings.Count} settings, " +
                             $"{engine.Thresholds.Count + engine.Bands.Count} thresholds/bands, {engine.Signals.Count} signals, " +
                             $"{engine.Machines.Count} machines, {engine.Outputs.Count} outputs, {engine.Flags.Count} flags, " +
                             $"{engine.Tables.Count} tables/LEDs, {engine.Codes.Count} codes).");
        }
        return 0;
    }
}
