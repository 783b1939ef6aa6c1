using System;
using System.Collections.Generic;
using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>One objectUrl_N of a group: N, the key's position, and the URL (when items are built).</summary>
internal readonly record struct IndexedUrl(int Index, TextPosition KeyPosition, string? Url);

/// <summary>A problem with a group's objectUrl_N keys: the rule, the key it is reported on and where that key is.</summary>
internal sealed record GroupIndexProblem(string RuleId, string Key, TextPosition KeyPosition, string Message);

/// <summary>The platform reads a group's files as objectUrl_0, objectUrl_1, ... in ascending order without gaps.
/// Repeated numbers are the reader's to report (as they come); this finds the first key out of order and the first
/// gap, from the keys in text order.</summary>
internal static class GroupUrlIndexes
{
    /// <param name="urls">The group's objectUrl_N keys in text order (at least one).</param>
    /// <returns>Nothing, or the order problem and/or the gap problem, in that order.</returns>
    public static IReadOnlyList<GroupIndexProblem> Check(IReadOnlyList<IndexedUrl> urls)
    {
        if (RunFromZero(urls))
            return Array.Empty<GroupIndexProblem>();

        var problems = new List<GroupIndexProblem>(2);
        for (int i = 1; i < urls.Count; i++)
        {
            if (urls[i].Index < urls[i - 1].Index)
            {
                string key = SpecKeys.IndexedObjectUrl(urls[i].Index);
                problems.Add(new GroupIndexProblem(RuleIds.ObjectUrlKeyOrder, key, urls[i].KeyPosition,
                    $"{key} comes after {SpecKeys.IndexedObjectUrl(urls[i - 1].Index)}. The platform needs the objectUrl_N keys in ascending order; reorder them."));
                break;
            }
        }

        var sorted = new int[urls.Count];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = urls[i].Index;
        Array.Sort(sorted);
        int expected = 0;
        foreach (int index in sorted)
        {
            if (index == expected - 1) continue; // a repeated key, reported already
            if (index != expected)
            {
                string missing = SpecKeys.IndexedObjectUrl(expected);
                string next = SpecKeys.IndexedObjectUrl(index);
                problems.Add(new GroupIndexProblem(RuleIds.ObjectUrlKeyGap, next, FirstKeyPosition(urls, index),
                    $"{missing} is missing: the objectUrl_N keys must run 0, 1, 2, ... without gaps, but {next} follows " +
                    (expected == 0 ? "no objectUrl_0." : SpecKeys.IndexedObjectUrl(expected - 1) + ".") + " Renumber them."));
                break;
            }
            expected++;
        }
        return problems;
    }

    /// <summary>True when the keys are exactly 0, 1, 2, ... in text order: the usual case, with nothing to report.</summary>
    private static bool RunFromZero(IReadOnlyList<IndexedUrl> urls)
    {
        for (int i = 0; i < urls.Count; i++)
            if (urls[i].Index != i)
                return false;
        return true;
    }

    private static TextPosition FirstKeyPosition(IReadOnlyList<IndexedUrl> urls, int index)
    {
        foreach (var url in urls)
            if (url.Index == index)
                return url.KeyPosition;
        return TextPosition.None; // not reached: index is one of the keys
    }
}
