using System.IO;
using Spectre.Console;

namespace BmsRules.Desktop.Output;

/// <summary>Spectre.Console consoles on the process's streams: plain text and a fixed width when redirected, so logs and CI stay readable.</summary>
internal static class ConsoleFactory
{
    /// <summary>Width used when the output is not a terminal.</summary>
    public const int RedirectedWidth = 140;

    /// <summary>A console writing to <paramref name="writer"/>; <paramref name="isTerminal"/> enables colour and the terminal's width.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
