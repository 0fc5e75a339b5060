using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace BmsRules.Generator.Tests.Support;

/// <summary>
/// Approved-file checks: the text must equal the checked-in <c>NAME.approved.txt</c> in
/// tests/generator/Baselines. On a mismatch the new text is written to <c>NAME.received.txt</c> beside it
/// (git-ignored) so the two can be diffed; setting BMS_APPROVE=1 overwrites the approved file instead.
/// </summary>
internal static class Approvals
{
    /// <summary>The environment variable that turns a check into an approval.</summary>
    public const string ApproveVariable = "BMS_APPROVE";

    /// <summary>The Baselines folder of the source tree (recorded at build time, so a fresh clone finds its own).</summary>
    public static string Directory { get; } = typeof(Approvals).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BaselinesDirectory").Value!;

    /// <summary>Checks <paramref name="actual"/> against the approved file <paramref name="name"/> (or approves it).</summary>
    public static void Verify(string name, string actual)
    {
        var approvedPath = Path.Combine(Directory, name + ".approved.txt");
        var receivedPath = Path.Combine(Directory, name + ".received.txt");
        var received = Normalize(actual);

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            (approved is null ? $"There is no approved baseline {approvedPath}." : $"The generated source differs from {approvedPath}: {FirstDifference(approved, received)}.") +
            $"\nThe new text is in {receivedPath}. If the change is intended, approve it by running the tests with {ApproveVariable}=1:" +
            $"\n  {ApproveVariable}=1 dotnet test tests/generator --filter \"FullyQualifiedName~Baselines\"");
    }

    /// <summary>Line endings as '\n', without a byte-order mark, so baselines compare the same on every OS.</summary>
    public static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, r.Length); i++)
        {
            if (a[i] != r[i]) return $"line {i + 1} was\n    {a[i].Trim()}\n  and is now\n    {r[i].Trim()}";
        }
        return $"it had {a.Length} lines and now has {r.Length}";
    }
}
