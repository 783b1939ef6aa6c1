using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>What a page a part of a parallel listing asked for holds for that part: the objects in its range (which
/// may have shrunk while the request was in flight), without what the store listed before the start it was asked for
/// (Azure's startFrom and GCS's startOffset include the start key itself; the GCS emulator ignores it), and whether
/// the part is done. Also what the page showed of the store: that it ignored the start, or that it lists keys in
/// another order than the ranges are cut by (the part then reads on to the end of its prefix, keeping what lies in
/// its range, since a key past the range's end says nothing about the keys after it).</summary>
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

    /// <summary>Set when the page is not in the order ranges are cut by: the first two keys that show it.</summary>
    public (string Before, string After)? OutOfOrder { get; private init; }

    /// <summary>Cuts <paramref name="page"/> to <paramref name="part"/>'s range in <paramref name="order"/>, and
    /// records in the part what the page confirmed (the store honoured its start) or showed (another key order).</summary>
    public static PageCut Of(RangePart part, CloudListingPage page, IComparer<string> order)
    {
        var objects = page.Objects;
        var range = part.Range;
        (string, string)? outOfOrder = null;
        if (!part.ListsToTheEnd && FirstOutOfOrder(objects, order) is { } at)
        {
            part.ListsToTheEnd = true;
            outOfOrder = (objects[at - 1].Key, objects[at].Key);
        }
        if (part.ListsToTheEnd)
        {
            var inRange = new List<CloudObject>(objects.Count);
            foreach (var cloudObject in objects)
                if (range.Holds(cloudObject.Key, order) && cloudObject.Key != part.ChainStart)
                    inRange.Add(cloudObject);
            return new PageCut(inRange, page.ContinuationToken is null) { OutOfOrder = outOfOrder };
        }
        int start = 0;
        string? listedBeforeStart = null;
        if (!part.StartConfirmed && part.ChainStart is { } chainStart)
        {
            while (start < objects.Count && order.Compare(objects[start].Key, chainStart) <= 0)
                start++;
            if (start > 1 || start == 1 && objects[0].Key != chainStart)
                listedBeforeStart = objects[0].Key;
        }
        part.StartConfirmed |= start < objects.Count || page.ContinuationToken is null;
        int end = objects.Count;
        if (end > start && range.IsPast(objects[end - 1].Key, order))
        {
            end = start;
            while (!range.IsPast(objects[end].Key, order))
                end++;
        }
        bool last = end < objects.Count || page.ContinuationToken is null;
        var kept = start == 0 && end == objects.Count && objects is List<CloudObject> all ? all : Slice(objects, start, end);
        return new PageCut(kept, last) { ListedBeforeStart = listedBeforeStart };
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
        var slice = new List<CloudObject>(System.Math.Max(end - start, 0));
        for (int i = start; i < end; i++)
            slice.Add(objects[i]);
        return slice;
    }
}
