using System.CommandLine;
using System.IO;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary>Runs the real <c>bms</c> command tree in-process, capturing standard output and error.</summary>
internal static class CommandLine
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
