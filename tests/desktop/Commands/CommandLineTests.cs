using System;
using System.CommandLine;
using System.IO;

namespace BmsRules.Desktop.Tests.Commands;

public class CommandLineTests
{
    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void No_arguments_run_the_default_scenario_and_print_its_timeline()
    {
        var (code, output, error) = Invoke();

        Assert.True(code == 0, error);
        Assert.Contains("A day in a V2 system", output);
        Assert.Contains("Pre-alarm", output);
        Assert.Contains("Floating → High", output);
        Assert.Contains("All 10 expectations hold", output);
    }

    [Fact]
    public void Simulate_runs_a_scenario_file()
    {
        var file = Path.Combine(ScenarioHarness.LibraryDirectory, "v2-14-supply-current.yaml");

        var (code, output, _) = Invoke("simulate", "--scenario", file, "--quiet");

        Assert.Equal(0, code);
        Assert.Contains("The BMS's own supply current", output);
    }

    [Fact]
    public void Check_and_graph_still_work()
    {
        Assert.Equal(0, Invoke("graph", "--format", "mermaid").Code);
        var spec = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../spec/rules.yaml"));
        Assert.Equal(0, Invoke("check", spec).Code);
    }
}
