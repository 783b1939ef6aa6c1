using System;
using System.Collections.Generic;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>A group being filled: its title and its object URLs, each at most once.</summary>
internal sealed class PendingGroup
{
    private readonly List<string> urls = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public PendingGroup(string key, string title, long arrivalIndex)
    {
        Key = key;
        Title = title;
        ArrivalIndex = arrivalIndex;
    }

    public string Key { get; }
    /// <summary>The group's title; a strategy whose titles depend on the other groups sets it when the input ends.</summary>
    public string Title { get; set; }
    /// <summary>Orders groups by the arrival of their first member.</summary>
    public long ArrivalIndex { get; }
    /// <summary>The group's place in its collector's arrival list, for removal in constant time.</summary>
    internal LinkedListNode<PendingGroup>? Node { get; set; }
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
        if (!naturalSort)
            return urls.ToArray();
        // Each path is cut out once, not once per comparison.
        var entries = new KeyValuePair<string, string>[urls.Count];
        for (int i = 0; i < entries.Length; i++)
            entries[i] = new KeyValuePair<string, string>(ObjectUrlPath.GetPath(urls[i]), urls[i]);
        // Listings come in key order, which often is natural order already (zero-padded frame numbers): one pass
        // proves it and saves the sort.
        if (!IsOrdered(entries))
            Array.Sort(entries, ComparePathThenUrl);
        var result = new string[entries.Length];
        for (int i = 0; i < entries.Length; i++)
            result[i] = entries[i].Value;
        return result;
    }

    private static bool IsOrdered(KeyValuePair<string, string>[] entries)
    {
        for (int i = 1; i < entries.Length; i++)
            if (ComparePathThenUrl(entries[i - 1], entries[i]) > 0)
                return false;
        return true;
    }

    /// <summary>Natural order of paths; equal paths (the same key on two hosts) fall back to ordinal URL order.</summary>
    private static int ComparePathThenUrl(KeyValuePair<string, string> a, KeyValuePair<string, string> b)
    {
        int byPath = NaturalStringComparer.Instance.Compare(a.Key, b.Key);
        return byPath != 0 ? byPath : string.CompareOrdinal(a.Value, b.Value);
    }
}
