using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Baselines;

/// <summary>
/// The generated source is reviewed like code: every change to it shows up as a diff against the
/// approved baselines in this folder (approve with BMS_APPROVE=1, see <see cref="Approvals"/>).
/// </summary>
public class GeneratedSourceBaselineTests
{
    [Theory]
    [InlineData("VeBusBmsV2.g.cs")]
    [InlineData("VeBusBmsV2Board.g.cs")]
    [InlineData("ProductRegistry.g.cs")]
    public void Rules_spec_generates_the_approved_source(string hintName)
    {
        var result = GeneratorHarness.Run(SpecFiles.ReadRules(), "rules.yaml");
        Assert.Empty(result.Diagnostics);
        Approvals.Verify("rules." + hintName, GeneratorHarness.Source(result, hintName));
    }

    [Theory]
    [InlineData("MiniBms.g.cs")]
    [InlineData("ProductRegistry.g.cs")]
    public void Minimal_spec_generates_the_approved_source(string hintName)
    {
        var result = GeneratorHarness.Run(MinimalSpec.Text, MinimalSpec.FileName);
        Assert.Empty(result.Diagnostics);
        Approvals.Verify("minimal." + hintName, GeneratorHarness.Source(result, hintName));
    }

    [Fact]
    public void Baseline_check_fails_and_writes_the_received_file_when_the_source_changes()
    {
        const string name = "approvals-self-test";
        var approved = System.IO.Path.Combine(Approvals.Directory, name + ".approved.txt");
        var received = System.IO.Path.Combine(Approvals.Directory, name + ".received.txt");
        System.IO.File.WriteAllText(approved, "line 1\nline 2\n");
        try
        {
            Approvals.Verify(name, "line 1\r\nline 2\r\n"); // line endings alone are no change
            Assert.False(System.IO.File.Exists(received));

            if (System.Environment.GetEnvironmentVariable(Approvals.ApproveVariable) == "1") return;
            var failure = Assert.ThrowsAny<System.Exception>(() => Approvals.Verify(name, "line 1\nline two\n"));
            Assert.Contains("BMS_APPROVE=1", failure.Message);
            Assert.Equal("line 1\nline two\n", System.IO.File.ReadAllText(received));
        }
        finally
        {
            System.IO.File.Delete(approved);
            System.IO.File.Delete(received);
        }
    }
}
