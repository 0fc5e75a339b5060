using System.IO;
using System.Linq;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The Meadow project needs packages that only the Meadow tool chain restores, so nothing in the default
/// build (dotnet test, dotnet run --project src/Targets.Desktop) may touch it.
/// </summary>
public sealed class DefaultBuildIsolationTests
{
    [Fact]
    public void The_solution_does_not_contain_the_meadow_project()
    {
        var solution = RepositoryFiles.Read("BmsRules.sln");
        Assert.DoesNotContain("Targets.Meadow", solution);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, "src", "Targets.Meadow", "Targets.Meadow.csproj")));
    }

    [Fact]
    public void No_other_project_references_the_meadow_project()
    {
        var projects = Directory.GetFiles(RepositoryFiles.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.Combine("src", "Targets.Meadow")) && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar));
        foreach (var project in projects) Assert.DoesNotContain("Targets.Meadow", File.ReadAllText(project));
    }

    [Fact]
    public void The_meadow_project_is_a_meadow_app_that_pins_its_own_package_versions()
    {
        var project = RepositoryFiles.Read(Path.Combine("src", "Targets.Meadow", "Targets.Meadow.csproj"));
        Assert.Contains("Sdk=\"Meadow.Sdk/1.1.0\"", project);
        Assert.Contains("<TargetFramework>netstandard2.1</TargetFramework>", project);
        Assert.Contains("<AssemblyName>App</AssemblyName>", project);
        Assert.Contains("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>", project);
        Assert.Contains("Include=\"Meadow.F7\" Version=", project);
        Assert.Contains("Include=\"Meadow.Foundation\" Version=", project);
    }

    [Fact]
    public void The_central_package_list_does_not_mention_meadow_packages()
    {
        // Central versions would make every project's restore consider them; the Meadow project pins its own.
        Assert.DoesNotContain("Meadow", RepositoryFiles.Read("Directory.Packages.props"));
    }
}
