using System;
using System.Collections.Generic;
using System.IO;

namespace EncordSpec.Storage.Inventory;

/// <summary>Finds the data files a manifest names by their paths in the destination bucket or container. In the store
/// those paths are exact; in a local copy of the report they are relative to wherever the copy was made, so the
/// layout is worked out once from the first file found (which folder above the manifest stands for which part of
/// the path: a copy of config-ID/ keeps 'data/x.csv.gz' beside '2016-11-06T21-32Z/manifest.json') and applied to
/// every file. A file missing from that layout is reported missing, never taken from another copy further up.</summary>
internal static class DataFileLocator
{
    private const int FoldersUp = 6;

    /// <param name="storeRoot">The URL of the destination bucket or container root ("s3://bucket/") when the manifest
    /// is read from the store itself; null for a local copy.</param>
    public static List<string> Resolve(IReportFiles files, string manifestLocation, IReadOnlyList<string> pathsInStore, string? storeRoot)
    {
        var resolved = new List<string>(pathsInStore.Count);
        if (storeRoot is not null)
        {
            foreach (string path in pathsInStore)
                resolved.Add(files.Combine(storeRoot, path.TrimStart('/')));
            return resolved;
        }

        var folders = FoldersAbove(files, manifestLocation);
        (int Up, int Skip)? layout = null;
        foreach (string path in pathsInStore)
        {
            layout = Find(files, folders, Parts(path));
            if (layout is not null)
                break;
        }
        foreach (string path in pathsInStore)
        {
            string[] parts = Parts(path);
            // Without any file found, name the likeliest place (beside the manifest) in the error that follows.
            var (up, skip) = layout ?? (0, parts.Length - 1);
            skip = Math.Min(skip, parts.Length - 1);
            resolved.Add(files.Combine(folders[up], string.Join("/", parts, skip, parts.Length - skip)));
        }
        return resolved;
    }

    private static (int, int)? Find(IReportFiles files, List<string> folders, string[] parts)
    {
        for (int up = 0; up < folders.Count; up++)
            for (int skip = 0; skip < parts.Length; skip++)
                if (files.Exists(files.Combine(folders[up], string.Join("/", parts, skip, parts.Length - skip))))
                    return (up, skip);
        return null;
    }

    private static string[] Parts(string path) => path.TrimStart('/').Split('/');

    /// <summary>The manifest's folder and up to <see cref="FoldersUp"/> above it, each ending in its separator.</summary>
    private static List<string> FoldersAbove(IReportFiles files, string manifestLocation)
    {
        var folders = new List<string>();
        string? folder = files.FolderOf(manifestLocation);
        while (folder is not null && folders.Count <= FoldersUp)
        {
            folders.Add(folder);
            string? parent = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar));
            folder = string.IsNullOrEmpty(parent) ? null : parent + Path.DirectorySeparatorChar;
        }
        return folders;
    }
}
