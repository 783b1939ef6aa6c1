using System;
using System.IO;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>The folder one reading of a report keeps its temporary files in (sorted runs, local copies of data files
/// read from S3): made on first use, deleted with everything in it when the reading ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly string path;
    private readonly object gate = new();
    private bool made;
    private int files;

    public TemporaryFolder(string? parent) =>
        path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "encordspec-inventory-" + Guid.NewGuid().ToString("N"));

    public string Path
    {
        get
        {
            lock (gate)
            {
                if (!made)
                {
                    Directory.CreateDirectory(path);
                    made = true;
                }
            }
            return path;
        }
    }

    /// <summary>A new file name in the folder; safe to call from several threads.</summary>
    public string NewFile(string extension) => System.IO.Path.Combine(Path, $"{Interlocked.Increment(ref files):D6}{extension}");

    public void Dispose()
    {
        if (!made)
            return;
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a virus scanner or the like: the system's temp clean-up removes it.
        }
    }
}
