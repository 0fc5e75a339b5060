using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BmsRules.Generator;
using BmsRules.Generator.Emit;
using BmsRules.Generator.Model;
using BmsRules.Simulation.Scenarios;

namespace BmsRules.Desktop.Audit;

/// <summary>
/// <c>bms audit --id V2-12</c>: one catalogue id followed through the repository — the behaviour as the catalogue
/// states it and where the documents say it; per product that lists it, how it is handled, the spec rules that
/// cover it (file:line, module), the generated code of each rule (file:line, found by the trace comment the
/// generator writes beside every rule), the tests that carry <c>[Trait("Covers", id)]</c> and the scenarios that cover it.
/// </summary>
internal sealed class IdReport
{
    private readonly StringBuilder _text = new();
    private readonly ResolvedSpec _spec;
    private readonly SpecCompilation _compilation;
    private readonly string _specDisplay;
    private readonly string _repositoryRoot;

    private IdReport(ResolvedSpec spec, SpecCompilation compilation, string specDisplay, string repositoryRoot)
    {
        _spec = spec;
        _compilation = compilation;
        _specDisplay = specDisplay;
        _repositoryRoot = repositoryRoot;
    }

    /// <summary>
    /// The report for <paramref name="id"/>, or null when neither the catalogue nor any product knows it.
    /// <paramref name="repositoryRoot"/> holds tests/ and scenarios/ (the spec folder's parent).
    /// </summary>
    public static string? Render(string id, ResolvedSpec spec, SpecCompilation compilation, string specDisplay, string repositoryRoot)
    {
        var behaviour = spec.Catalogue?.Find(id);
        var products = spec.Products.Where(p => p.Catalogue.Any(c => c.Id.Text == id)).ToList();
        if (behaviour is null && products.Count == 0) return null;
        var report = new IdReport(spec, compilation, specDisplay, repositoryRoot);
        report.Write(id, behaviour, products);
        return report._text.ToString();
    }

    private void Write(string id, CatalogueBehaviour? behaviour, List<ProductSpec> products)
    {
        if (behaviour is null)
        {
            Line($"{id}: not in the behaviour catalogue{(_spec.Catalogue is null ? " (the spec names none)" : "")}.");
        }
        else
        {
            Line($"{id}{(behaviour.Model is null ? "" : " (" + behaviour.Model + ")")}: {behaviour.Text}");
            var seeds = string.Join("; ", behaviour.Seeds.Select(s => s.Sections.Count == 0 ? s.File : s.File + " " + string.Join(", ", s.Sections)));
            Line($"  stated in: {(behaviour.Where is null ? "" : behaviour.Where + " = ")}{seeds}");
        }

        if (products.Count == 0) Line().Line($"No product of {_specDisplay} lists {id} in its catalogue.");
        foreach (var product in products) Product(id, product);

        var tests = TestIndex.Scan(Path.Combine(_repositoryRoot, "tests"), _repositoryRoot).Where(t => t.Id == id).ToList();
        Line().Line($"tests carrying [Trait(\"{TestIndex.Trait}\", \"{id}\")]:");
        if (tests.Count == 0) Line("  none");
        foreach (var test in tests) Line($"  {test.File}:{test.Line}  {test.Test}");

        var scenarios = Scenarios(id);
        if (scenarios.Count > 0)
        {
            Line().Line("scenarios covering it (run by the scenario library test):");
            foreach (var scenario in scenarios) Line("  " + scenario);
        }
    }

    private void Product(string id, ProductSpec product)
    {
        var entry = product.Catalogue.First(c => c.Id.Text == id);
        Line().Line($"{product.Id.Text}: handled by {entry.By}{(entry.Note is null ? "" : " (" + entry.Note + ")")}");
        var rules = SpecEntries.Of(product).Where(e => e.Provenance.Covers.Any(c => c.Text == id)).ToList();
        if (rules.Count == 0)
        {
            Line("  no spec rule covers it");
            return;
        }
        var generated = GeneratedLines(product.Id.Text);
        var specFile = SpecCompiler.FileName(_specDisplay);
        var width = rules.Max(r => r.Title.Length);
        Line($"  spec rule → generated code ({product.Id.Text}.g.cs as the generator emits it; the build keeps it under obj/…/generated/BmsRules.Generator/):");
        foreach (var rule in rules)
        {
            var line = rule.Provenance.Entry.Line;
            var module = rule.Provenance.Module is null ? "" : $" (module {rule.Provenance.Module})";
            var code = generated.Find(specFile, line) is { } at ? $"{product.Id.Text}.g.cs:{at}" : "— (a declaration, not a rule)";
            Line($"    {rule.Title.PadRight(width)}  {_specDisplay}:{line}{module} → {code}");
        }
    }

    private List<string> Scenarios(string id)
    {
        var found = new List<string>();
        var folder = Path.Combine(_repositoryRoot, "scenarios");
        if (!Directory.Exists(folder)) return found;
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                if (ScenarioLoader.LoadFile(file).Covers.Contains(id)) found.Add("scenarios/" + Path.GetFileName(file));
            }
            catch (ScenarioException)
            {
                found.Add($"scenarios/{Path.GetFileName(file)} (cannot be read: run 'bms simulate --scenario' on it)");
            }
        }
        return found;
    }

    /// <summary>The generated source of a product, searchable by a rule's trace comment.</summary>
    private GeneratedText GeneratedLines(string productId)
    {
        var source = GeneratedSources.Of(_compilation).FirstOrDefault(s => s.HintName == productId + ".g.cs");
        return new GeneratedText(source?.Text ?? "");
    }

    private sealed class GeneratedText
    {
        private readonly string[] _lines;

        public GeneratedText(string text) => _lines = text.Split('\n');

        /// <summary>The 1-based line that carries the trace of the rule at <paramref name="line"/> of the spec, or null.</summary>
        public int? Find(string specFile, int line)
        {
            var prefix = TraceMarker.Prefix(specFile, line);
            for (var i = 0; i < _lines.Length; i++)
            {
                var at = _lines[i].IndexOf(prefix, StringComparison.Ordinal);
                if (at < 0) continue;
                var next = at + prefix.Length < _lines[i].Length ? _lines[i][at + prefix.Length] : ']';
                if (next is ' ' or ']') return i + 1;
            }
            return null;
        }
    }

    private IdReport Line(string text = "")
    {
        _text.Append(text).Append('\n');
        return this;
    }
}
