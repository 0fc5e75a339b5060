using System;
using System.Collections.Concurrent;
using BmsRules.Runtime;
using BmsRules.Testing;

namespace BmsRules.Properties.Infrastructure;

/// <summary>
/// Engines generated from a deliberately broken copy of spec/rules.yaml (or of the generated code),
/// compiled in memory by the real generator. A property's companion test runs the property on such a
/// mutant and expects FsCheck to find a counterexample — proof that the property can fail.
/// </summary>
public static class Mutants
{
    private static readonly ConcurrentDictionary<string, CompiledSpec> Cache = new();

    /// <summary>A factory of V2 engines from the spec with <paramref name="find"/> (which must occur once) replaced.</summary>
    public static Func<IRuleEngine> FromSpec(string find, string replacement)
    {
        var compiled = Cache.GetOrAdd("spec:" + find + "=>" + replacement,
            _ => InMemoryEngineCompiler.Compile(SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), find, replacement)));
        return () => compiled.Create(V2.Product);
    }

    /// <summary>A factory of V2 engines from the real spec whose generated code is rewritten by <paramref name="edit"/>.</summary>
    public static Func<IRuleEngine> FromGeneratedCode(string key, Func<string, string> edit)
    {
        var compiled = Cache.GetOrAdd("code:" + key, _ => InMemoryEngineCompiler.Compile(SpecFiles.ReadRules(), editGenerated: edit));
        return () => compiled.Create(V2.Product);
    }

    /// <summary>The real engine, as built into Rules.Runtime.</summary>
    public static Func<IRuleEngine> Real => () => new Products.VeBusBmsV2.VeBusBmsV2Engine();
}
