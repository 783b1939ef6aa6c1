using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Report files on this machine: a report downloaded with the cloud's own tools (aws s3 sync, azcopy, gcloud
/// storage cp) or written by a test.</summary>
internal sealed class LocalReportFiles : IReportFiles
{
    public Stream OpenRead(string location, CancellationToken cancellationToken) => OpenFile(location);

    /// <summary>A file on this machine, opened for reading from start to end.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public bool Exists(string location) => File.Exists(location);

    public bool IsFolder(string location) => Directory.Exists(location);

    public IEnumerable<string> ListFiles(string folder, CancellationToken cancellationToken) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories);

    public string FolderOf(string location) => Path.GetDirectoryName(Path.GetFullPath(location)) + Path.DirectorySeparatorChar;

    public string Combine(string folder, string relativePath) =>
        Path.GetFullPath(Path.Combine(folder, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public string LocalCopy(string location, string temporaryDirectory, CancellationToken cancellationToken, out bool isTemporary)
    {
        isTemporary = false;
        if (!File.Exists(location))
            throw new FileNotFoundException($"'{location}' does not exist.", location);
        return location;
    }

    public void Dispose() { }
}
