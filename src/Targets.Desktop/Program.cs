using System.CommandLine;
using BmsRules.Desktop.Commands;

namespace BmsRules.Desktop;

/// <summary>Entry point of the <c>bms</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The command tree (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "bms: the BmsRules desktop tool. Simulates a battery system with the BMS in the loop, checks the rule spec,\n" +
            "prints its rule book, draws its state machines, measures the engine and speaks VE.Bus.\n" +
            "Without a command it runs the built-in default scenario (like 'bms simulate'). Run 'bms <command> --help' for a command's options.");
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(VeBusCommand.Create());
        // No command: run the default scenario, so `dotnet run --project src/Targets.Desktop` shows the BMS at work.
        var defaults = new SimulateCommand.Options();
        foreach (var option in defaults.All) root.Options.Add(option);
        root.SetAction(result => SimulateCommand.Run(result, defaults));
        return root;
    }
}
