using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One part of a parallel listing: the keys of one <see cref="KeyRange"/>, listed page after page with one
/// request at a time. Read and written under <see cref="ParallelListing"/>'s lock only.</summary>
internal sealed class RangePart
{
    public RangePart(KeyRange range, string prefix, FolderPartitioner folders)
    {
        Range = range;
        Partition = new ListingPartition(range.After ?? prefix);
        Folders = folders;
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

    /// <summary>Set when a page of the part came in another key order than the ranges are cut by: the part no longer
    /// stops at its range's end but lists on to the prefix's last page, keeping the keys in its range.</summary>
    public bool ListsToTheEnd { get; set; }

    /// <summary>Pages listed that the pipeline has not taken yet.</summary>
    public int BufferedPages { get; set; }

    /// <summary>Sorted reading: the pages' chunks, in key order, waiting for the pipeline.</summary>
    public Queue<ListedPage> Pages { get; } = new();

    public bool IsActive => State is PartState.Idle or PartState.Fetching;

    public override string ToString() => $"{State} {Range}";
}
