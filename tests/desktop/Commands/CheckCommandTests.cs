using System.IO;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary><c>bms check</c>: clean spec → exit 0; broken spec → MSBuild-style located diagnostics and exit 1.</summary>
public sealed class CheckCommandTests
{
    /// <summary>A spec in a folder of its own, with the behaviour catalogue beside it (as in spec/) unless told otherwise.</summary>
    private static string WriteSpec(string text, bool withCatalogue = true)
    {
        var path = Path.Combine(Path.GetTempPath(), "bms-check-" + System.Guid.NewGuid().ToString("N"), "rules.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (withCatalogue) File.Copy(SpecFiles.CataloguePath, Path.Combine(Path.GetDirectoryName(path)!, "catalogue.yaml"));
        return path;
    }

    [Fact]
    public void The_repository_spec_checks_clean_with_exit_0_and_a_summary()
    {
        var (exitCode, output, error) = CommandLine.Run("check", SpecFiles.RulesPath);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("VeBusBmsV2 ok (14 inputs", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_hysteresis_band_exits_1_with_a_located_BMS005()
    {
        var text = SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "release: \">= 3.20 V\"", "release: \">= 2.50 V\"");
        var path = WriteSpec(text);
        var (line, column) = Position(text, ">= 2.50 V");

        var (exitCode, output, error) = CommandLine.Run("check", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}({line},{column}): error BMS005: Hysteresis band of 'CellUndervoltage' is inverted", output, System.StringComparison.Ordinal);
        Assert.Contains("1 problem(s)", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_beside_the_spec_is_read_and_an_id_it_lacks_exits_1_with_a_located_BMS018()
    {
        var text = SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "{ id: V2-22, by: out-of-scope,", "{ id: V2-99, by: out-of-scope,");
        var path = WriteSpec(text);
        var (line, column) = Position(text, "V2-99");

        var (exitCode, output, _) = CommandLine.Run("check", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}({line},{column}): error BMS018: 'V2-99' is not in the behaviour catalogue catalogue.yaml", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_whose_catalogue_is_not_beside_it_exits_1_with_BMS030_at_its_catalogue_line()
    {
        var text = SpecFiles.ReadRules();
        var path = WriteSpec(text, withCatalogue: false);
        var (line, column) = Position(text, "catalogue.yaml\n");

        var (exitCode, output, _) = CommandLine.Run("check", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}({line},{column}): error BMS030: The spec names the behaviour catalogue 'catalogue.yaml'", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_syntax_error_exits_1_with_BMS001()
    {
        var path = WriteSpec("format: bmsrules/1\nproducts: [ { id: X\n");
        var (exitCode, output, _) = CommandLine.Run("check", path);
        Assert.Equal(1, exitCode);
        Assert.Matches(@"rules\.yaml\(\d+,\d+\): error BMS001: YAML syntax error", output);
    }

    [Fact]
    public void A_missing_file_exits_2_with_a_clear_message()
    {
        var (exitCode, _, error) = CommandLine.Run("check", "/nonexistent/rules.yaml");
        Assert.Equal(2, exitCode);
        Assert.Contains("cannot read '/nonexistent/rules.yaml'", error, System.StringComparison.Ordinal);
    }

    private static (int Line, int Column) Position(string text, string marker)
    {
        var index = text.IndexOf(marker, System.StringComparison.Ordinal);
        var line = text[..index].Split('\n').Length;
        var column = index - text.LastIndexOf('\n', index - 1);
        return (line, column);
    }
}
