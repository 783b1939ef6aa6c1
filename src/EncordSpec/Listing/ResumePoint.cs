using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Where a parallel listing that failed can go on from: the key up to which every object was handed to the
/// pipeline. Parts hand out their pages in key order, but side by side, so it is the last key handed out of the first
/// part (in key order) not handed out whole, or that part's start when none of it was. Objects of later parts may have
/// been handed out already: a listing resumed there emits them again, and misses nothing.</summary>
internal sealed class ResumePoint
{
    private readonly Dictionary<RangePart, string> lastTaken = new();

    /// <summary>The page went to the pipeline (the caller asks for the next one only once all of it was written).</summary>
    public void Taken(ListedPage page)
    {
        for (int c = page.Chunks.Count - 1; c >= 0; c--)
        {
            var objects = page.Chunks[c].Page.Objects;
            if (objects.Count > 0)
            {
                lastTaken[page.Part] = objects[objects.Count - 1].Key;
                return;
            }
        }
    }

    /// <summary>Null: nothing was handed out, the listing starts over. <paramref name="parts"/> in key order.</summary>
    public string? After(IReadOnlyList<RangePart> parts)
    {
        string? after = null;
        foreach (var part in parts)
        {
            // A part nothing was taken of goes on from where the parts before it were taken whole: that misses
            // nothing either, and is a key the store listed (a part's start may be a made-up key past a folder).
            after = lastTaken.TryGetValue(part, out string? key) ? key : after ?? part.Range.After;
            if (part.State != PartState.Done || part.BufferedPages > 0)
                break;
        }
        return after;
    }
}
