using System.Collections.Generic;
using System.Numerics;

namespace EncordSpec.Listing;

/// <summary>Decides where a parallel listing splits when a request could be sent and no part needs one: the part with
/// the most keys still ahead of it gives away the upper half of what it has left.
/// <para>As Google's Dataflux lister does, it splits a busy range when a worker is idle, between the range's current
/// key and its end. Unlike it, the split points are numbers over the characters the keys actually use
/// (<see cref="KeySpace"/>), not over a fixed alphabet padded to the end of all keys; it splits ahead of the page in
/// flight rather than at the part's last key, so the two halves do not list the same keys; and a part with no end
/// (the last one, before anything is known of where the prefix ends) is not halved towards the end of all possible
/// keys, where a flat prefix of numbered names has none: its split point lies as far past its position as the listing
/// has come since its first key, so that a few splits, each on an idle request, double the reach until a part past the
/// last key comes back empty. A split is only ever a guess of where keys lie, never a promise that they do: any
/// point in a range splits it into two that together hold every key exactly once.</para></summary>
internal sealed class RangePlanner
{
    private readonly KeySpace space;
    private readonly IComparer<string> order;

    public RangePlanner(KeySpace space, IComparer<string> order)
    {
        this.space = space;
        this.order = order;
    }

    /// <summary>The part to split and the key to split it after (its last key), or null when none is worth it.</summary>
    public (RangePart Part, string Point)? Next(IEnumerable<RangePart> parts)
    {
        var candidates = new List<(RangePart Part, string Low)>();
        int length = 0;
        foreach (var part in parts)
        {
            if (!part.IsActive || part.Position is null || part.Origin is null)
                continue;
            string? low = part.Position;
            string? end = part.PlanningEnd(order);
            // A request in flight lists about one page past the position: split past that.
            if (part.State == PartState.Fetching && part.PageStart is not null)
                low = space.Beyond(part.PageStart, part.Position, end);
            if (low is null)
                continue;
            candidates.Add((part, low));
            length = System.Math.Max(length, space.LengthFor(low, end));
        }
        candidates.Sort((a, b) => space.Distance(b.Low, b.Part.Range.End(order), length).CompareTo(space.Distance(a.Low, a.Part.Range.End(order), length)));
        foreach (var (part, low) in candidates)
        {
            if (!WorthSplitting(part, low, length))
                continue;
            string? end = part.PlanningEnd(order);
            // Where the keys end is unknown (the prefix's or a folder's end): reach out as far as the part has come.
            string? point = part.EndUnknown
                ? space.Beyond(part.Origin!, low, end) ?? space.Between(low, end, 0.5)
                : space.Between(low, end, 0.5);
            if (point is not null)
                return (part, point);
        }
        return null;
    }

    /// <summary>A bounded part is split only when about two of its pages are left past <paramref name="low"/>.</summary>
    private bool WorthSplitting(RangePart part, string low, int length)
    {
        if (part.EndUnknown || part.PageStart is null)
            return true;
        BigInteger page = space.Distance(part.PageStart, part.Position, length);
        return space.Distance(low, part.PlanningEnd(order), length) > 2 * page;
    }
}
