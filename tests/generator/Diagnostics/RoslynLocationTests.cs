using System.Linq;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BmsRules.Generator.Tests.Diagnostics;

/// <summary>
/// The real generator, run by Roslyn, reports the same diagnostics as the spec compiler, at the same
/// places: Roslyn's line spans are 0-based, so each must be one less than the spec's 1-based line and column.
/// </summary>
public class RoslynLocationTests
{
    private const string Path = "/specs/minimal.rules.yaml";

    [Theory]
    [InlineData("\"Enabled && !CellLow && Climate.Normal\"", "\"Enabled && !CellLw && Climate.Normal\"", "BMS002", "CellLw")]
    [InlineData("release: \">= 3.4 V\"", "release: \"<= 3.4 V\"", "BMS005", "<= 3.4 V")]
    [InlineData("label: Load switch\n", "label: Load switch\n        colour: red\n", "BMS013", "colour")]
    [InlineData("hysteresis: 2 °C", "hysteresis: 0 °C", "BMS005", "0 °C")]
    [InlineData("duration: 2 s", "duration: 2", "BMS010", "2")]
    public void Generator_reports_the_spec_diagnostic_at_the_same_place_through_roslyn(string find, string replacement, string id, string spanText)
    {
        var spec = MinimalSpec.With(find, replacement);
        var expected = SpecCheck.Diagnostics(spec, Path).Single();

        var reported = GeneratorHarness.Run(spec, Path).Diagnostics.Single();

        Assert.Equal(id, reported.Id);
        Assert.Equal(expected.Id, reported.Id);
        Assert.Equal(DiagnosticSeverity.Error, reported.Severity);
        Assert.Equal(expected.Message, reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = reported.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(expected.Span.Line - 1, span.StartLinePosition.Line);
        Assert.Equal(expected.Span.Column - 1, span.StartLinePosition.Character);
        Assert.Equal(spanText, spec.Substring(reported.Location.SourceSpan.Start, reported.Location.SourceSpan.Length));
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_by_the_generator_at_the_tab()
    {
        var reported = GeneratorHarness.Run("format: bmsrules/1\nproducts:\n\t- id: X\n", Path).Diagnostics.Single();

        Assert.Equal(DiagnosticRules.YamlSyntax.Id, reported.Id);
        var start = reported.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((2, 0), (start.Line, start.Character));
    }

    [Fact]
    public void Spec_with_errors_generates_no_source()
    {
        var result = GeneratorHarness.Run(MinimalSpec.With("duration: 2 s", "duration: 2"), Path);
        Assert.Empty(result.GeneratedSources);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Files_not_named_rules_yaml_are_ignored()
    {
        var result = GeneratorHarness.Run("not: [a spec", "/specs/settings.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
    }
}
