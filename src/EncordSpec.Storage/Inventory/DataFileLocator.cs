using System;

namespace EncordSpec.Storage.Inventory;

/// <summary>Finds a data file a manifest names by its path in the destination bucket or container. In the store that
/// path is exact; in a local copy of the report it is relative to wherever the copy was made, so the path's trailing
/// parts are looked for beside the manifest and in the folders above it (a copy of config-ID/ keeps 'data/x.csv.gz'
/// beside '2016-11-06T21-32Z/manifest.json').</summary>
internal static class DataFileLocator
{
    private const int FoldersUp = 6;

    /// <param name="storeRoot">The URL of the destination bucket or container root ("s3://bucket/") when the manifest
    /// is read from the store itself; null for a local copy.</param>
    public static string Resolve(IReportFiles files, string manifestLocation, string pathInStore, string? storeRoot)
    {
        pathInStore = pathInStore.TrimStart('/');
        if (storeRoot is not null)
            return files.Combine(storeRoot, pathInStore);

        string[] parts = pathInStore.Split('/');
        string folder = files.FolderOf(manifestLocation);
        string? first = null;
        for (int up = 0; up <= FoldersUp; up++)
        {
            for (int skip = 0; skip < parts.Length; skip++)
            {
                string candidate = files.Combine(folder, string.Join("/", parts, skip, parts.Length - skip));
                first ??= candidate;
                if (files.Exists(candidate))
                    return candidate;
            }
            string parent = files.Combine(folder, "..") ;
            parent = parent.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? parent : parent + System.IO.Path.DirectorySeparatorChar;
            if (parent.Length >= folder.Length)
                break; // the file system's root
            folder = parent;
        }
        // Not found anywhere: name the most likely place in the error that follows.
        return files.Combine(files.FolderOf(manifestLocation), parts[parts.Length - 1]);
    }
}
