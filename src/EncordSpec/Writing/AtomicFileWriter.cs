using System;
using System.IO;

namespace EncordSpec.Writing;

/// <summary>Writes a file through a temporary file in the same folder and moves it into place on
/// <see cref="Commit"/>, so an interrupted run never leaves a truncated file at the target path.
/// Disposing without committing deletes the temporary file.</summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly string targetPath;
    private readonly string tempPath;
    private readonly bool overwrite;
    private FileStream? stream;
    private bool committed;
    private bool disposed;

    public AtomicFileWriter(string targetPath, bool overwrite)
    {
        this.targetPath = Path.GetFullPath(targetPath);
        this.overwrite = overwrite;
        string folder = Path.GetDirectoryName(this.targetPath)!;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        if (File.Exists(this.targetPath) && !overwrite)
            throw new IOException($"The file '{this.targetPath}' already exists. Use -Force to overwrite it.");
        tempPath = TempPathBeside(this.targetPath, "tmp");
        stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>The stream to write the content to, until <see cref="Seal"/>.</summary>
    public Stream Stream => stream ?? throw new ObjectDisposedException(nameof(AtomicFileWriter));

    /// <summary>A fresh hidden name in the target's folder, so a rename into place stays on one file system.</summary>
    public static string TempPathBeside(string targetPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(targetPath)!,
            "." + Path.GetFileName(targetPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + "." + suffix);

    /// <summary>Flushes the content to disk and closes the temporary file, which waits for <see cref="Commit"/> (or
    /// is deleted by <see cref="Dispose"/>). A set of files committed together seals each one when it is written, so
    /// the set holds no open file, nor its buffer, per finished file.</summary>
    public void Seal()
    {
        if (disposed || committed) throw new ObjectDisposedException(nameof(AtomicFileWriter));
        if (stream is null) return;
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        stream = null;
    }

    /// <summary>Flushes the content to disk and moves it to the target path.</summary>
    public FileInfo Commit()
    {
        Seal();
        if (File.Exists(targetPath))
        {
            if (!overwrite)
                throw new IOException($"The file '{targetPath}' appeared while the spec was written. Use -Force to overwrite it.");
            File.Replace(tempPath, targetPath, destinationBackupFileName: null);
        }
        else
        {
            File.Move(tempPath, targetPath);
        }
        committed = true;
        return new FileInfo(targetPath);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stream?.Dispose();
        stream = null;
        if (committed) return;
        try { File.Delete(tempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
