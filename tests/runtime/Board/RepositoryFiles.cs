using System;
using System.IO;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>Files of the repository the tests run from (found by walking up to BmsRules.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BmsRules.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("BmsRules.sln not found above " + AppContext.BaseDirectory);
    }
}
