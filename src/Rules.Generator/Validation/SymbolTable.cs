using System;
using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

/// <summary>What a name in the spec refers to.</summary>
internal enum SymbolKind
{
    Input,
    Setting,
    Timer,
    Threshold,
    Band,
    Signal,
    Machine,
    Output,
    Flag,
    Table,
    Led,
}

/// <summary>A defined name.</summary>
internal sealed record Symbol(SymbolKind Kind, int Index, string Name, SourceSpan Span);

/// <summary>
/// All names of one product. Inputs, settings, timers, thresholds, bands, signals, machines,
/// outputs, flags, tables and LEDs share one namespace (they meet in expressions and in the
/// generated outputs struct), so a name may be defined once.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    public SymbolTable(ProductSpec product, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        Product = product;
        AddAll(product.Inputs, SymbolKind.Input, i => i.Name);
        AddAll(product.Settings, SymbolKind.Setting, s => s.Name);
        AddAll(product.Timers, SymbolKind.Timer, t => t.Name);
        AddAll(product.Thresholds, SymbolKind.Threshold, t => t.Name);
        AddAll(product.Bands, SymbolKind.Band, b => b.Name);
        AddAll(product.Signals, SymbolKind.Signal, s => s.Name);
        AddAll(product.Machines, SymbolKind.Machine, m => m.Name);
        AddAll(product.Outputs, SymbolKind.Output, o => o.Name);
        AddAll(product.Flags, SymbolKind.Flag, f => f.Name);
        AddAll(product.Tables, SymbolKind.Table, t => t.Name);
        AddAll(product.Leds, SymbolKind.Led, t => t.Name);
    }

    public ProductSpec Product { get; }

    public Symbol? Find(string name) => _symbols.TryGetValue(name, out var symbol) ? symbol : null;

    /// <summary>Looks up <paramref name="name"/> expecting <paramref name="kind"/>; reports BMS002 otherwise.</summary>
    public Symbol? Expect(Located name, SymbolKind kind, string what)
    {
        if (name.Text.Length == 0) return null;
        var symbol = Find(name.Text);
        if (symbol is not null && symbol.Kind == kind) return symbol;
        var hint = symbol is null ? $"; expected {what}" : $"; it is {Article(symbol.Kind)}, expected {what}";
        _diagnostics.Report(DiagnosticRules.UnknownName, name.Span, name.Text, hint + Suggest(name.Text, kind));
        return null;
    }

    /// <summary>" (did you mean 'X'?)" when a defined name of that kind is close.</summary>
    public string Suggest(string name, SymbolKind? kind = null)
    {
        var names = new List<string>();
        foreach (var symbol in _symbols.Values)
        {
            if (kind is null || symbol.Kind == kind) names.Add(symbol.Name);
        }
        return Helpers.EditDistance.Suggestion(name, names);
    }

    public static string Article(SymbolKind kind) => kind switch
    {
        SymbolKind.Input => "an input",
        SymbolKind.Output => "an output",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private void AddAll<T>(Helpers.EquatableArray<T> items, SymbolKind kind, Func<T, Located> name) where T : IEquatable<T>
    {
        for (var i = 0; i < items.Count; i++)
        {
            var located = name(items[i]);
            if (located.Text.Length == 0) continue;
            if (!Identifiers.IsValid(located.Text))
            {
                _diagnostics.Report(DiagnosticRules.InvalidValue, located.Span,
                    $"'{located.Text}' is not a valid name: use letters and digits, starting with a capital letter (it becomes a C# name)");
                continue;
            }
            if (_symbols.TryGetValue(located.Text, out var existing))
            {
                _diagnostics.Report(DiagnosticRules.DuplicateName, located.Span, located.Text,
                    $"{Article(existing.Kind)} at line {existing.Span.Line}");
                continue;
            }
            _symbols.Add(located.Text, new Symbol(kind, i, located.Text, located.Span));
        }
    }
}

/// <summary>Rules for names that become C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Valid", "None", "Lit", "Step", "Reset", "Descriptor", "Configure", "Settings", "Outputs", "Inputs",
    };

    /// <summary>A top-level name: <see cref="IsValidShape"/> and not a member name the generated code uses.</summary>
    public static bool IsValid(string name) => IsValidShape(name) && !Reserved.Contains(name);

    /// <summary>Starts with an upper-case ASCII letter, then ASCII letters and digits.</summary>
    public static bool IsValidShape(string name)
    {
        if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z') return false;
        foreach (var c in name)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }
}
