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
            "bms: the BmsRules desktop tool. Checks the rule spec, draws its state machines and measures the engine, speaks VE.Bus.\n" +
            "Run 'bms <command> --help' for a command's options.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(VeBusCommand.Create());
        return root;
    }
}
