using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One part of a parallel listing: the keys under <see cref="Prefix"/> in one <see cref="KeyRange"/>, listed
/// page after page with one request at a time. Read and written under <see cref="ParallelListing"/>'s lock only.</summary>
internal sealed class RangePart
{
    public RangePart(KeyRange range, string prefix, FolderPartitioner folders)
    {
        Range = range;
        Prefix = prefix;
        Partition = new ListingPartition(range.After ?? prefix);
        Folders = folders;
    }

    /// <summary>The prefix its requests carry: the listing's own, or one folder's, so that the store looks at that
    /// folder's keys only (a file-system-backed store walks every key under the prefix it is given).</summary>
    public string Prefix { get; private set; }

    /// <summary>The listing's first part: one level of the prefix (with a delimiter), whose page plans the others
    /// (<see cref="FolderPlan"/>) and emits nothing itself.</summary>
    public bool IsLevel { get; init; }

    /// <summary>Objects asked for in the first request, when fewer than the listing's page size will do (a gap
    /// between two folders is expected to hold only the objects the one-level listing showed there).</summary>
    public int? FirstPageSize { get; init; }

    /// <summary>Folders listed by parts of their own, whose keys this part drops should the store list them.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = System.Array.Empty<string>();

    /// <summary>The first key listed in this part or the part it was split from: how far it has come is measured from there.</summary>
    public string? Origin { get; set; }

    /// <summary>The key the part's current chain of pages was asked to start after (its range's start, or where
    /// it was when it narrowed): a store may list it itself (Azure, GCS) or ignore it (the GCS emulator).</summary>
    public string? ChainStart { get; set; }

    /// <summary>A part through a folder (<see cref="KeyRange.ThroughFolder"/>) that has reached it asks for that
    /// folder's keys only from then on: its next request names the folder as prefix and starts after its position.</summary>
    public void Narrow()
    {
        if (!Range.ThroughFolder || Prefix == Range.UpTo)
            return;
        string? at = Position ?? Range.After;
        if (at is null || !at.StartsWith(Range.UpTo!, System.StringComparison.Ordinal))
            return;
        Prefix = Range.UpTo!;
        ContinuationToken = null;
        StartConfirmed = false;
    }

    /// <summary>True when the key belongs to a folder another part lists.</summary>
    public bool Excludes(string key)
    {
        foreach (string folder in Excluded)
            if (key.StartsWith(folder, System.StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Set when a split after this key found nothing up to the part's end: splits are planned below it.</summary>
    public string? NothingAfter { get; set; }

    /// <summary>True when nothing tells where the part's keys end: it has no end, or ends with a folder (whose
    /// <see cref="KeyOrder.Ceiling"/> lies past every key, not near the last), and no split found where nothing follows.</summary>
    public bool EndUnknown => Range.Before is null && (Range.UpTo is null || Range.ThroughFolder) && NothingAfter is null;

    /// <summary>Where the part's keys end, for planning splits (see <see cref="KeyRange.End"/>): the nearer of its
    /// range's end and <see cref="NothingAfter"/>.</summary>
    public string? PlanningEnd(IComparer<string> order)
    {
        string? end = Range.End(order);
        return NothingAfter is { } nothing && (end is null || order.Compare(nothing, end) < 0) ? nothing : end;
    }

    /// <summary>Shrinks (its end moves down) when the part is split.</summary>
    public KeyRange Range { get; set; }

    public PartState State { get; set; } = PartState.Waiting;

    /// <summary>The objects of the folders this part holds whole (see <see cref="ParallelListing"/>).</summary>
    public ListingPartition Partition { get; }

    /// <summary>Which of its objects go out with <see cref="Partition"/>.</summary>
    public FolderPartitioner Folders { get; }

    public string? ContinuationToken { get; set; }

    public int PagesListed { get; set; }

    /// <summary>The last key listed in range: the next page starts after it.</summary>
    public string? Position { get; set; }

    /// <summary>The first key of the last full page: with <see cref="Position"/>, how far one page reaches.</summary>
    public string? PageStart { get; set; }

    /// <summary>Until a page shows the store honoured the start key, keys before it are dropped one by one.</summary>
    public bool StartConfirmed { get; set; }

    /// <summary>Set on a part just split in two: the new part, whose first key will end this one. Until the store has
    /// confirmed the split, this part sends no request, and holds the page it had in flight uncut (<see cref="HeldPages"/>).</summary>
    public RangePart? SplitOff { get; set; }

    /// <summary>Pages listed but not cut yet, in order: while <see cref="SplitOff"/> or its own split is unconfirmed,
    /// or (the level part) until the listing knows whether the store honours where a listing starts.</summary>
    public Queue<CloudListingPage> HeldPages { get; } = new();

    /// <summary>Set on a new part of a split until the store confirmed where it starts: the part it came from.</summary>
    public RangePart? SplitFrom { get; set; }

    /// <summary>The range of the part it came from before the split, which it takes back should the split be dropped.</summary>
    public KeyRange RangeBeforeSplit { get; init; }

    /// <summary>Probes of its split point not answered yet (ParallelListing.Probes.cs).</summary>
    public int ProbesUnanswered { get; set; }

    /// <summary>While the store is asked whether its split stands: its first page, cut to its range, waiting to be
    /// queued (the pages after it are held in <see cref="HeldPages"/>).</summary>
    public (CloudListingPage Page, PageCut Cut)? HeldFirstPage { get; set; }

    /// <summary>Pages listed that the pipeline has not taken yet.</summary>
    public int BufferedPages { get; set; }

    /// <summary>Sorted reading: the pages' chunks, in key order, waiting for the pipeline.</summary>
    public Queue<ListedPage> Pages { get; } = new();

    /// <summary>Listing, with both ends settled: a part the planner may split.</summary>
    public bool IsActive => State is PartState.Idle or PartState.Fetching && SplitOff is null && SplitFrom is null;

    public override string ToString() => $"{State} {Range}";
}
