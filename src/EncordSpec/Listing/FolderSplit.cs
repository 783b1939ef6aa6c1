using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>What the full first page of a recursive listing says about the prefix it listed: the runs of
/// consecutive keys that belong to one folder one level down (or to the prefix itself), and the folder the page
/// ended in. A parallel listing splits such a prefix into a one-level listing of it and one listing per folder, and
/// keeps from the page every run it need not list again.</summary>
internal sealed class FolderSplit
{
    private FolderSplit(IReadOnlyList<FolderRun> runs, string? lastFolder, bool lastFolderIsFlat)
    {
        Runs = runs;
        LastFolder = lastFolder;
        LastFolderIsFlat = lastFolderIsFlat;
    }

    /// <summary>The page's keys, grouped into runs in page order.</summary>
    public IReadOnlyList<FolderRun> Runs { get; }

    /// <summary>The folder holding the page's last key, whose keys may go on past the page; null when the last
    /// key is one of the prefix's own objects. Every other folder on the page is complete.</summary>
    public string? LastFolder { get; }

    /// <summary>True when the last folder's keys on the page are all its own objects (none in a folder below it).</summary>
    public bool LastFolderIsFlat { get; }

    /// <summary>The folder one level below <paramref name="prefix"/> that holds <paramref name="key"/> (ending in
    /// '/'), or null when the key is one of the prefix's own objects.</summary>
    public static string? FolderOf(string key, string prefix)
    {
        int slash = key.IndexOf('/', prefix.Length);
        return slash < 0 ? null : key.Substring(0, slash + 1);
    }

    /// <summary>True when some key on the page lies in a folder below <paramref name="prefix"/>.</summary>
    public static bool ShowsFolders(CloudListingPage page, string prefix)
    {
        foreach (var cloudObject in page.Objects)
            if (cloudObject.Key.IndexOf('/', prefix.Length) >= 0)
                return true;
        return false;
    }

    public static FolderSplit Of(string prefix, IReadOnlyList<CloudObject> page)
    {
        var runs = new List<FolderRun>();
        List<CloudObject>? current = null;
        string? currentFolder = null;
        foreach (var cloudObject in page)
        {
            string? folder = FolderOf(cloudObject.Key, prefix);
            if (current is null || folder != currentFolder)
            {
                current = new List<CloudObject>();
                currentFolder = folder;
                runs.Add(new FolderRun(folder, current));
            }
            current.Add(cloudObject);
        }
        string? lastFolder = runs.Count == 0 ? null : runs[runs.Count - 1].Folder;
        bool flat = lastFolder is not null && runs[runs.Count - 1].Objects.TrueForAll(o => o.Key.IndexOf('/', lastFolder.Length) < 0);
        return new FolderSplit(runs, lastFolder, flat);
    }
}

/// <summary>Consecutive keys of one folder (null: the listed prefix's own objects), in listing order.</summary>
internal sealed record FolderRun(string? Folder, List<CloudObject> Objects);
