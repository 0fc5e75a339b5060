using System.Linq;
using System.Reflection;
using BmsRules.Generator.Diagnostics;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic the compiler can report has a test that triggers it (tagged with its id).</summary>
public class DiagnosticCoverageTests
{
    [Fact]
    public void Every_diagnostic_id_except_the_internal_error_has_a_test_that_triggers_it()
    {
        var tested = typeof(DiagnosticCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Diagnostic")
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet();

        var untested = DiagnosticRules.All.Select(r => r.Id)
            .Where(id => id != DiagnosticRules.InternalError.Id && !tested.Contains(id))
            .ToList();

        Assert.True(untested.Count == 0, "No test triggers: " + string.Join(", ", untested));
        Assert.Equal(38, DiagnosticRules.All.Length - 1);
    }

    [Fact]
    public void Diagnostic_ids_are_unique_and_numbered_in_table_order()
    {
        var ids = DiagnosticRules.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(id => id, System.StringComparer.Ordinal), ids);
    }
}
