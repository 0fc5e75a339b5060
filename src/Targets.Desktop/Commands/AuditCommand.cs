using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using BmsRules.Desktop.Audit;
using BmsRules.Generator;

namespace BmsRules.Desktop.Commands;

/// <summary>
/// <c>bms audit [SPEC] [--product ID] [--output FILE]</c>: the rule book of a product (Markdown): catalogue
/// coverage and every rule with its source or assumption, and the module it comes from.
/// <c>bms audit --id V2-12</c>: from one catalogue id to its text, rules, generated code and tests.
/// Exit 0, 1 when the spec has errors, 2 when unreadable or the id is unknown.
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
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the rule book (or the --id report) to this file instead of standard output." };
        var id = new Option<string?>("--id")
        {
            Description = "A behaviour-catalogue id (e.g. V2-12): print its catalogue text, the spec rules that cover it (file:line), " +
                          "their generated code (file:line) and the tests that carry [Trait(\"Covers\", id)], instead of the rule book.",
        };
        var command = new Command("audit", "Print the rule book: every documented behaviour, the rules that implement it, and each rule's source or assumption. " +
                                           "With --id: follow one catalogue id to its rules, generated code and tests.")
        {
            spec, product, output, id,
        };
        command.SetAction(result => Run(result.GetValue(spec), result.GetValue(product), result.GetValue(output), result.GetValue(id),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? given, string? productId, FileInfo? output, string? id, TextWriter stdout, TextWriter error)
    {
        if (!SpecLocator.TryRead(given, "audit", error, out var path, out var text)) return 2;

        var companions = SpecLocator.Companions(path);
        var compilation = SpecCompiler.Compile(path, text, companions);
        var resolved = SpecCompiler.Resolve(path, text, companions);
        if (compilation.Failed || resolved is null)
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

        string report;
        if (id is not null)
        {
            // The spec's folder is spec/ in the repository: tests/ and scenarios/ are beside it.
            var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? ".";
            var rendered = IdReport.Render(id, resolved, compilation, SpecLocator.Display(path), root);
            if (rendered is null)
            {
                error.WriteLine($"bms audit: '{id}' is neither in the behaviour catalogue nor in a product's catalogue of {SpecLocator.Display(path)}.");
                return 2;
            }
            report = rendered;
        }
        else
        {
            var books = engines.Select(e => RuleBook.Render(resolved, resolved.Products.Single(p => p.Id.Text == e.ProductId), e, SpecLocator.Display(path)));
            report = string.Join("\n", books);
        }

        if (output is null)
        {
            stdout.Write(report);
            return 0;
        }
        try
        {
            BmsRules.Simulation.Output.AtomicFile.WriteAllText(output.FullName, report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bms audit: cannot write '{output.FullName}': {ex.Message}");
            return 2;
        }
        return 0;
    }
}
