using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>What a page a part of a parallel listing asked for holds for that part: the objects in its range (which
/// may have changed while the request was in flight), without what the store listed before the start it was asked
/// for (Azure's startFrom and GCS's startOffset include the start key itself; the GCS emulator ignores it), and
/// whether the part is done. The end is found by name (<see cref="KeyRange"/>), so a store that sorts keys otherwise
/// than we think still has every key listed once. Also what the page showed of the store: that it lists keys in
/// another order than our guess, or (when the start is cut by our order) that it ignored the start.</summary>
internal sealed class PageCut
{
    private PageCut(List<CloudObject> kept, bool last)
    {
        Kept = kept;
        Last = last;
    }

    /// <summary>The page's objects in the part's range, in the store's order.</summary>
    public List<CloudObject> Kept { get; }

    /// <summary>No more pages for the part: the store's last, or one that went past the range's end.</summary>
    public bool Last { get; }

    /// <summary>Set when the store listed a key up to the start it was asked to start after: that key.</summary>
    public string? ListedBeforeStart { get; private init; }

    /// <summary>Set when the page is not in the order we guess the store sorts by: the first two keys that show it.</summary>
    public (string Before, string After)? OutOfOrder { get; private init; }

    /// <summary>Cuts <paramref name="page"/> to <paramref name="part"/>'s range, and records in the part that the
    /// page confirmed its start. With <paramref name="startByOrder"/> (the listing's own start, or a store that ignores
    /// where a range starts) the keys up to the start in <paramref name="order"/> are dropped, as a sequential listing
    /// drops them; else only the start key itself, which a store whose start is inclusive lists.</summary>
    public static PageCut Of(RangePart part, CloudListingPage page, IComparer<string> order, bool startByOrder)
    {
        var objects = page.Objects;
        var range = part.Range;
        (string, string)? outOfOrder = FirstOutOfOrder(objects, order) is { } at ? (objects[at - 1].Key, objects[at].Key) : null;
        int start = 0;
        string? listedBeforeStart = null;
        if (!part.StartConfirmed && part.ChainStart is { } chainStart)
        {
            if (startByOrder)
            {
                while (start < objects.Count && order.Compare(objects[start].Key, chainStart) <= 0)
                    start++;
                if (start > 1 || start == 1 && objects[0].Key != chainStart)
                    listedBeforeStart = objects[0].Key;
            }
            else if (objects.Count > 0 && objects[0].Key == chainStart)
            {
                start = 1;
            }
        }
        part.StartConfirmed |= start < objects.Count || page.ContinuationToken is null;
        int end = start;
        bool inFolder = range.ThroughFolder && (part.Prefix == range.UpTo || part.Position?.StartsWith(range.UpTo!, StringComparison.Ordinal) == true);
        for (; end < objects.Count; end++)
        {
            string key = objects[end].Key;
            if (range.Before is { } before)
            {
                if (key.StartsWith(before, StringComparison.Ordinal))
                    break;
            }
            else if (range.ThroughFolder)
            {
                // The folder's keys lie together: the first key after them ends the range.
                bool inside = key.StartsWith(range.UpTo!, StringComparison.Ordinal);
                if (inFolder && !inside)
                    break;
                inFolder = inside;
            }
        }
        bool last = end < objects.Count || page.ContinuationToken is null;
        var kept = start == 0 && end == objects.Count && objects is List<CloudObject> all ? all : Slice(objects, start, end);
        return new PageCut(kept, last) { ListedBeforeStart = listedBeforeStart, OutOfOrder = outOfOrder };
    }

    /// <summary>The index of the first key that does not come after the one before it in <paramref name="order"/>.</summary>
    private static int? FirstOutOfOrder(IReadOnlyList<CloudObject> objects, IComparer<string> order)
    {
        for (int i = 1; i < objects.Count; i++)
            if (order.Compare(objects[i - 1].Key, objects[i].Key) >= 0)
                return i;
        return null;
    }

    private static List<CloudObject> Slice(IReadOnlyList<CloudObject> objects, int start, int end)
    {
        var slice = new List<CloudObject>(Math.Max(end - start, 0));
        for (int i = start; i < end; i++)
            slice.Add(objects[i]);
        return slice;
    }
}
