using System;
using System.Collections.Generic;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>A problem with a group's objectUrl_N keys: the rule, the key it is reported on and where that key is.</summary>
internal sealed record GroupIndexProblem(string RuleId, string Key, TextPosition KeyPosition, string Message);

/// <summary>A group's objectUrl_N keys as they are read, and the checks of their numbers. The platform reads a group's
/// files as objectUrl_0, objectUrl_1, ... in ascending order without gaps. Repeated numbers are the reader's to report
/// (as they come); this finds the first key out of order and the first gap.
/// Memory: keys that run 0, 1, 2, ... in text order (the usual case) are only counted; from the first key that breaks
/// that run, each key's number and place are kept (24 bytes a key) for the gap check. When items are built the URLs
/// are kept too (a reference each, besides the strings), since the group's object holds them all: a group of 25
/// million keys was held as 32-byte records in a list that doubled, copied and sorted again to build the object.</summary>
internal sealed class GroupUrlIndexes
{
    private const int KeptCapacity = 1 << 16; // lists that grew past this are let go when the next group starts
    private readonly bool keepUrls;
    private List<string?> urls = new();
    private List<(int Index, TextPosition Position)> afterRun = new();
    private int runLength; // keys 0 .. runLength - 1 came first, in order
    private int previous;
    private GroupIndexProblem? order;

    /// <param name="keepUrls">Keep each key's URL, to build the group's object.</param>
    public GroupUrlIndexes(bool keepUrls) => this.keepUrls = keepUrls;

    /// <summary>The keys added since <see cref="Clear"/>.</summary>
    public int Count => runLength + afterRun.Count;

    /// <summary>Starts a new group.</summary>
    public void Clear()
    {
        if (urls.Capacity > KeptCapacity) urls = new List<string?>();
        else urls.Clear();
        if (afterRun.Capacity > KeptCapacity) afterRun = new List<(int, TextPosition)>();
        else afterRun.Clear();
        runLength = 0;
        order = null;
    }

    /// <summary>Adds the next key in text order: its N, where the key is, and its URL (kept when items are built).</summary>
    public void Add(int index, TextPosition keyPosition, string? url)
    {
        if (keepUrls) urls.Add(url);
        if (Count > 0 && index < previous && order is null)
        {
            string key = SpecKeys.IndexedObjectUrl(index);
            order = new GroupIndexProblem(RuleIds.ObjectUrlKeyOrder, key, keyPosition,
                $"{key} comes after {SpecKeys.IndexedObjectUrl(previous)}. The platform needs the objectUrl_N keys in ascending order; reorder them.");
        }
        if (afterRun.Count == 0 && index == runLength)
            runLength++;
        else
            afterRun.Add((index, keyPosition));
        previous = index;
    }

    /// <summary>The N of the <paramref name="i"/>-th key in text order.</summary>
    public int IndexAt(int i) => i < runLength ? i : afterRun[i - runLength].Index;

    /// <summary>The URLs in the order of their numbers (when they are kept).</summary>
    public string[] UrlsInNumberOrder()
    {
        var ordered = new string[urls.Count];
        for (int i = 0; i < ordered.Length; i++) ordered[i] = urls[i] ?? "";
        if (afterRun.Count > 0)
        {
            var numbers = new int[ordered.Length];
            for (int i = 0; i < numbers.Length; i++) numbers[i] = IndexAt(i);
            Array.Sort(numbers, ordered);
        }
        return ordered;
    }

    /// <returns>Nothing, or the order problem and/or the gap problem, in that order.</returns>
    public IReadOnlyList<GroupIndexProblem> Check()
    {
        if (afterRun.Count == 0)
            return Array.Empty<GroupIndexProblem>();

        var problems = new List<GroupIndexProblem>(2);
        if (order is not null) problems.Add(order);

        // 0 .. runLength - 1 are there; a number below runLength later is a repeat (reported already).
        var sorted = new int[afterRun.Count];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = afterRun[i].Index;
        Array.Sort(sorted);
        int expected = runLength;
        foreach (int index in sorted)
        {
            if (index < expected) continue; // a repeated key
            if (index != expected)
            {
                string missing = SpecKeys.IndexedObjectUrl(expected);
                string next = SpecKeys.IndexedObjectUrl(index);
                problems.Add(new GroupIndexProblem(RuleIds.ObjectUrlKeyGap, next, FirstKeyPosition(index),
                    $"{missing} is missing: the objectUrl_N keys must run 0, 1, 2, ... without gaps, but {next} follows " +
                    (expected == 0 ? "no objectUrl_0." : SpecKeys.IndexedObjectUrl(expected - 1) + ".") + " Renumber them."));
                break;
            }
            expected++;
        }
        return problems;
    }

    /// <summary>Where the first key numbered <paramref name="index"/> is; it is one after the run.</summary>
    private TextPosition FirstKeyPosition(int index)
    {
        foreach (var key in afterRun)
            if (key.Index == index)
                return key.Position;
        return TextPosition.None; // not reached: index is one of the keys
    }
}
