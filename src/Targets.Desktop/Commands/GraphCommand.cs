using System;
using System.CommandLine;
using System.IO;
using BmsRules.Products;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Desktop.Commands;

/// <summary><c>bms graph --format dot|mermaid [--product ID] [--output FILE]</c>: the engine's state machines as a diagram.</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "dot (Graphviz) or mermaid.",
            DefaultValueFactory = _ => "dot",
        };
        format.AcceptOnlyFromAmong("dot", "mermaid");
        var product = ProductOption.Create();
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("graph", "Print the state machines of a product as a DOT or Mermaid diagram.") { format, product, outputFile };
        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var descriptor = ProductOption.Resolve(result.GetValue(product)!, stderr);
            if (descriptor is null) return 2;
            var text = result.GetValue(format) == "mermaid" ? GraphExport.ToMermaid(descriptor) : GraphExport.ToDot(descriptor);
            var file = result.GetValue(outputFile);
            if (file is null)
            {
                stdout.Write(text);
                return 0;
            }
            try
            {
                BmsRules.Simulation.Output.AtomicFile.WriteAllText(file.FullName, text);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"bms graph: cannot write '{file.FullName}': {ex.Message}");
                return 2;
            }
            return 0;
        });
        return command;
    }
}
