using System;
using System.Collections.Generic;

namespace EncordSpec;

/// <summary>A group being filled: its title and its object URLs, each at most once.</summary>
public sealed class PendingGroup
{
    private readonly List<string> urls = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public PendingGroup(string key, string title)
    {
        Key = key;
        Title = title;
    }

    public string Key { get; }
    public string Title { get; }
    /// <summary>The pipeline object that opened the group, for scriptblocks that compute metadata.</summary>
    public object? FirstInput { get; set; }
    public int Count => urls.Count;

    /// <summary>Adds the URL; false when the group already has it.</summary>
    public bool TryAdd(string url)
    {
        if (!seen.Add(url)) return false;
        urls.Add(url);
        return true;
    }

    /// <summary>The URLs in natural order of their paths (frame 2 before frame 10), or as they came.</summary>
    public string[] OrderedUrls(bool naturalSort)
    {
        var result = urls.ToArray();
        if (naturalSort)
            Array.Sort(result, ComparePaths);
        return result;
    }

    private static int ComparePaths(string a, string b)
    {
        int byPath = NaturalStringComparer.Instance.Compare(ObjectUrlPath.GetPath(a), ObjectUrlPath.GetPath(b));
        return byPath != 0 ? byPath : string.CompareOrdinal(a, b);
    }
}
