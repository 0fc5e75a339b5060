using System.Linq;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>The fixture every diagnostics test starts from is itself clean, so each test's one edit is the only problem.</summary>
public class MinimalSpecTests
{
    [Fact]
    public void Minimal_spec_compiles_without_any_diagnostic()
    {
        var text = MinimalSpec.Text;
        var diagnostics = SpecCheck.Diagnostics(text);
        Assert.True(diagnostics.Count == 0, DiagnosticAssert.Describe(text, diagnostics));
    }

    [Fact]
    public void Minimal_spec_generates_an_engine_that_compiles_and_steps()
    {
        var compiled = InMemoryEngineCompiler.Compile(MinimalSpec.Text, MinimalSpec.FileName);
        var driver = new EngineDriver(compiled.Create(MinimalSpec.ProductId));
        driver.Set("CellVoltage", 3.3).Set("Temperature", 20).Set("Enabled", true).Run(2_100);
        Assert.Equal("On", driver.State("Mode"));
        Assert.Equal(new[] { "MiniBms.g.cs", "ProductRegistry.g.cs" }, compiled.Sources.Keys.OrderBy(k => k));
    }

    [Fact]
    public void Rules_spec_compiles_without_any_diagnostic()
    {
        var text = SpecFiles.ReadRules();
        var diagnostics = SpecCheck.Diagnostics(text, "rules.yaml");
        Assert.True(diagnostics.Count == 0, DiagnosticAssert.Describe(text, diagnostics));
    }
}
