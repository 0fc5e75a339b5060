using System.CommandLine;
using System.IO;
using System.Linq;
using BmsRules.Products;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Desktop.Commands;

/// <summary>The <c>--product</c> option shared by commands, and its lookup in the generated registry.</summary>
internal static class ProductOption
{
    public static Option<string> Create() => new("--product", "-p")
    {
        Description = $"Product id from the spec ({string.Join(", ", ProductRegistry.Products.Select(p => p.ProductId))}).",
        DefaultValueFactory = _ => ProductRegistry.Products[0].ProductId,
    };

    /// <summary>The product's descriptor, or null after printing the known ids.</summary>
    public static EngineDescriptor? Resolve(string id, TextWriter error)
    {
        var found = ProductRegistry.Products.FirstOrDefault(p => p.ProductId == id);
        if (found is null)
        {
            error.WriteLine($"Unknown product '{id}'. Known: {string.Join(", ", ProductRegistry.Products.Select(p => p.ProductId))}.");
        }
        return found;
    }
}
