using System.IO;
using System.Linq;
using System.Reflection;

namespace BmsRules.Desktop.Tests.Infrastructure;

/// <summary>The repository this test assembly was built from (recorded at build time), for files the tests read or keep in sync.</summary>
internal static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Path.GetFullPath(typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!);

    /// <summary>spec/rules.yaml in the repository.</summary>
    public static string Spec => Path.Combine(Root, "spec", "rules.yaml");

    /// <summary>The modules fixture of the generator tests (two products sharing a module).</summary>
    public static string ModulesFixture => Path.Combine(Root, "tests", "generator", "Fixtures", "modules.rules.yaml");
}
