using System;
using System.IO;
using BmsRules.Desktop.Output;
using BmsRules.Simulation.Output;
using Xunit;

namespace BmsRules.Desktop.Tests.Output;

/// <summary>Output files are replaced whole or not at all (a crash or power cut never leaves half a file).</summary>
public sealed class AtomicFileTests
{
    private static string NewPath()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bms-atomic-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "run.csv");
    }

    [Fact]
    public void A_committed_write_replaces_the_file_and_leaves_no_partial_file()
    {
        var path = NewPath();
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void A_write_interrupted_before_commit_keeps_the_previous_file_whole()
    {
        var path = NewPath();
        File.WriteAllText(path, "previous complete run");
        using (var file = new AtomicFile(path))
        {
            file.Stream.Write(new byte[] { (byte)'h', (byte)'a', (byte)'l', (byte)'f' });
            // The run fails here: no Commit.
        }
        Assert.Equal("previous complete run", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Until_commit_the_content_is_only_in_the_partial_file()
    {
        var path = NewPath();
        using var file = new AtomicFile(path);
        file.Stream.Write(new byte[] { 1, 2, 3 });
        file.Stream.Flush();
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(path + ".partial"));
        file.Commit();
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }
}
