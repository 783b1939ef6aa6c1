using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Where a report's files are read from: this machine's file system, or an S3 bucket (s3:// URLs). Locations
/// are strings in the store's own form (an absolute path, or s3://bucket/key).</summary>
internal interface IReportFiles : IDisposable
{
    /// <summary>The file's bytes from the start, streamed. A file that does not exist throws <see cref="FileNotFoundException"/>.</summary>
    Stream OpenRead(string location, CancellationToken cancellationToken);

    bool Exists(string location);

    /// <summary>True when the location names a folder (or prefix) rather than a file.</summary>
    bool IsFolder(string location);

    /// <summary>Every file under the folder, at any depth.</summary>
    IEnumerable<string> ListFiles(string folder, CancellationToken cancellationToken);

    /// <summary>The folder a file is in, ending in its separator.</summary>
    string FolderOf(string location);

    /// <summary>A path relative to a folder (which ends in its separator), with '/' separating its parts.</summary>
    string Combine(string folder, string relativePath);

    /// <summary>A local file that may be read at random (Parquet readers seek to the footer): the file itself, or a
    /// download of it into <paramref name="temporaryDirectory"/>, which the caller deletes.</summary>
    string LocalCopy(string location, string temporaryDirectory, CancellationToken cancellationToken, out bool isTemporary);
}
