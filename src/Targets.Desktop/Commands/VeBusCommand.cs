using System.CommandLine;

namespace BmsRules.Desktop.Commands;

/// <summary><c>bms vebus …</c>: the VE.Bus link — decode and encode frames, and run a simulated Multi or the BMS on a serial device.</summary>
internal static class VeBusCommand
{
    public static Command Create()
    {
        var command = new Command("vebus", "VE.Bus link tools: decode/encode frames, and the BMS and a simulated Multi on a serial device or pseudo-terminal.");
        command.Subcommands.Add(VeBusDecodeCommand.Create());
        command.Subcommands.Add(VeBusEncodeCommand.Create());
        command.Subcommands.Add(VeBusMultiCommand.Create());
        command.Subcommands.Add(VeBusBmsCommand.Create());
        command.Subcommands.Add(VeBusBenchCommand.Create());
        return command;
    }
}
