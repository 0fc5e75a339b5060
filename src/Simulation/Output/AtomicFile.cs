using System;
using System.IO;
using System.Text;

namespace BmsRules.Simulation.Output;

/// <summary>
/// Writes a file so that a crash or a power cut leaves either the previous file or the complete new one,
/// never half of it: the content goes to <c>PATH.partial</c> in the same folder, is flushed to the disk,
/// and only then renamed over <c>PATH</c>. Disposed without <see cref="Commit"/>, the partial file is removed.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _partial;
    private readonly FileStream _stream;
    private bool _committed;

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    public AtomicFile(string path)
    {
        _path = Path.GetFullPath(path);
        _partial = _path + ".partial";
        _stream = new FileStream(_partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
    }

    /// <summary>Where to write the content.</summary>
    public Stream Stream => _stream;

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var file = new AtomicFile(path);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        file.Stream.Write(bytes, 0, bytes.Length);
        file.Commit();
    }

    /// <summary>Flushes the content to the disk and puts it in place of the file.</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_partial, _path, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_committed) return;
        _stream.Dispose();
        try
        {
            File.Delete(_partial);
        }
        catch (IOException)
        {
            // Best effort: the partial file never replaced the real one.
        }
    }
}
