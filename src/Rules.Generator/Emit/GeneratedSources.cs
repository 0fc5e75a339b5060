using System.Collections.Generic;

namespace BmsRules.Generator.Emit;

/// <summary>A generated source file: the name the build gives it and its text.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// The C# a compiled spec generates: one engine per product (with its board description where the spec has one) and the product registry. The source generator
/// adds exactly these; tools (<c>bms audit --id</c>) read the same text to name a rule's generated line.
/// </summary>
public static class GeneratedSources
{
    /// <summary>The sources of <paramref name="compilation"/>; none when it failed.</summary>
    public static IReadOnlyList<GeneratedSource> Of(SpecCompilation compilation)
    {
        var sources = new List<GeneratedSource>();
        if (compilation.Engines.Count == 0) return sources;
        foreach (var engine in compilation.Engines)
        {
            sources.Add(new GeneratedSource($"{engine.ProductId}.g.cs", EngineEmitter.Emit(engine)));
            if (BoardEmitter.Emit(engine) is { } board) sources.Add(new GeneratedSource($"{BoardEmitter.ClassName(engine.ProductId)}.g.cs", board));
        }
        sources.Add(new GeneratedSource("ProductRegistry.g.cs", RegistryEmitter.Emit(compilation.Engines[0].Namespace, compilation.Engines)));
        return sources;
    }
}
