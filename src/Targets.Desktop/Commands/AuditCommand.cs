using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using BmsRules.Desktop.Audit;
using BmsRules.Generator;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms audit [SPEC] [--product ID] [--output FILE]</c>: the rule book of a product (Markdown): catalogue
/// coverage and every rule with its source or assumption. Exit 0, 1 when the spec has errors, 2 when unreadable.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var spec = new Argument<string?>("SPEC")
        {
            Description = $"The spec (default: {SpecLocator.RelativePath}, searched from the current directory upwards).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var product = new Option<string?>("--product", "-p") { Description = "Product id (default: every product in the spec)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the rule book to this file instead of standard output." };
        var command = new Command("audit", "Print the rule book: every documented behaviour, the rules that implement it, and each rule's source or assumption.")
        {
            spec, product, output,
        };
        command.SetAction(result => Run(result.GetValue(spec), result.GetValue(product), result.GetValue(output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? given, string? productId, FileInfo? output, TextWriter stdout, TextWriter error)
    {
        if (!SpecLocator.TryRead(given, "audit", error, out var path, out var text)) return 2;

        var compilation = SpecCompiler.Compile(path, text);
        var document = SpecCompiler.ParseDocument(path, text);
        if (compilation.Failed || document is null)
        {
            foreach (var diagnostic in compilation.Diagnostics) error.WriteLine(diagnostic.ToMsBuildString());
            error.WriteLine($"bms audit: {path} has errors; run 'bms check' for details.");
            return 1;
        }

        var engines = compilation.Engines.Where(e => productId is null || e.ProductId == productId).ToList();
        if (engines.Count == 0)
        {
            error.WriteLine($"bms audit: no product '{productId}'. Known: {string.Join(", ", compilation.Engines.Select(e => e.ProductId))}.");
            return 2;
        }
        var books = engines.Select(e => RuleBook.Render(document.Products.Single(p => p.Id.Text == e.ProductId), e, SpecLocator.Display(path)));
        var book = string.Join("\n", books);
        if (output is null)
        {
            stdout.Write(book);
            return 0;
        }
        try
        {
            BmsRules.Simulation.Output.AtomicFile.WriteAllText(output.FullName, book);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bms audit: cannot write '{output.FullName}': {ex.Message}");
            return 2;
        }
        return 0;
    }
}
