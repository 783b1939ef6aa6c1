using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One part of a parallel listing, listed page after page with one request at a time: every key under a
/// prefix (recursive), or one level of it, the prefix's own objects and its folders (level). Each part's objects form
/// one <see cref="ListingPartition"/>. The listing state is read and written under <see cref="ParallelListing"/>'s
/// lock only.</summary>
internal sealed class ListingPart
{
    private ListingPart(long id, bool isLevel, string prefix, int pageSize, ListingPartition partition, bool canSplit, HashSet<string>? skipKeys)
    {
        Id = id;
        IsLevel = isLevel;
        Prefix = prefix;
        Request = new CloudListingRequest(prefix, isLevel ? "/" : null, pageSize);
        Partition = partition;
        CanSplit = canSplit;
        SkipKeys = skipKeys;
        Position = prefix;
    }

    public static ListingPart Recursive(long id, string prefix, int pageSize, bool canSplit, HashSet<string>? skipKeys = null) =>
        new(id, false, prefix, pageSize, new ListingPartition(prefix), canSplit, skipKeys);

    public static ListingPart Level(long id, string prefix, int pageSize) =>
        new(id, true, prefix, pageSize, new ListingPartition(prefix), false, new HashSet<string>(System.StringComparer.Ordinal));

    /// <summary>Creation order: tells apart parts of the same prefix (a recursive part and the level it became).</summary>
    public long Id { get; }
    public bool IsLevel { get; }
    public string Prefix { get; }
    public CloudListingRequest Request { get; }
    public ListingPartition Partition { get; }
    /// <summary>A recursive part that may become a level part and one part per folder once its first page is full.</summary>
    public bool CanSplit { get; }
    /// <summary>Keys already emitted from the first page of the part this one was split from, left out here.</summary>
    public HashSet<string>? SkipKeys { get; }

    public string? ContinuationToken { get; set; }
    public int PagesListed { get; set; }
    public bool Fetching { get; set; }
    /// <summary>No page is left to fetch (and no chunk will be queued any more).</summary>
    public bool Exhausted { get; set; }
    /// <summary>Where the part's next page starts in key order (its last key so far): parts are listed earliest first.</summary>
    public string Position { get; set; }
    /// <summary>Pages fetched whose objects the pipeline has not taken yet.</summary>
    public int BufferedPages { get; set; }
    /// <summary>Chunks waiting for the pipeline, when the listing emits in key order.</summary>
    public Queue<PartChunk> Chunks { get; } = new();

    /// <summary>Level: the folders found so far; null marks a folder whose objects all came with the first page of
    /// the recursive part this level was split from (already emitted).</summary>
    public Dictionary<string, ListingPart?> Children { get; } = new(System.StringComparer.Ordinal);
    /// <summary>Level: folders already reported by a page (GCS may repeat them on every page).</summary>
    public HashSet<string> SeenPrefixes { get; } = new(System.StringComparer.Ordinal);
    /// <summary>Recursive: the level part it was split into after its first page.</summary>
    public ListingPart? SplitInto { get; set; }

    public override string ToString() => (IsLevel ? "level " : "recursive ") + Prefix;
}

/// <summary>A chunk on its way to the pipeline with what the listing needs to know when it is taken.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Source">The part it was listed by.</param>
/// <param name="ReleasesPage">Taking it frees the page it came from in the listing's memory budget.</param>
/// <param name="NewFolders">Level pages: the folders this page reported first, in page order.</param>
internal sealed record PartChunk(ListingChunk Chunk, ListingPart Source, bool ReleasesPage, IReadOnlyList<string> NewFolders);
