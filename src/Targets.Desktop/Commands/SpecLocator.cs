using System.IO;

namespace BmsRules.Desktop.Commands;

/// <summary>Finds spec/rules.yaml when no path is given: from the current directory upwards.</summary>
internal static class SpecLocator
{
    public const string RelativePath = "spec/rules.yaml";

    /// <summary>The spec path to use, or null when none is found.</summary>
    public static string? Find(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return given;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary><paramref name="path"/> relative to the current directory when it lies below it (for readable output).</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", System.StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
