using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator;

namespace BmsRules.Desktop.Audit;

/// <summary>The catalogue ids a product hands to the engine that no test carries (the meta-test keeps this empty).</summary>
internal static class TestCoverage
{
    /// <summary>"Product: id" for every <c>by: engine</c> id of <paramref name="spec"/> without a covering test.</summary>
    public static IReadOnlyList<string> Untested(ResolvedSpec spec, IEnumerable<CoveringTest> tests)
    {
        var tested = tests.Select(t => t.Id).ToHashSet(System.StringComparer.Ordinal);
        return spec.Products
            .SelectMany(p => p.Catalogue.Where(c => c.By == "engine" && !tested.Contains(c.Id.Text)).Select(c => $"{p.Id.Text}: {c.Id.Text}"))
            .ToList();
    }
}
