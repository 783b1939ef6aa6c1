namespace EncordSpec.Listing;

/// <summary>What Get-CloudObject emits next: objects of one <see cref="ListingPartition"/> in key order (with a
/// delimiter, also the folders of the page), and whether the partition is complete once they are written.</summary>
internal sealed class ListingChunk
{
    public ListingChunk(CloudListingPage page, ListingPartition partition, bool completesPartition, string? note = null)
    {
        Page = page;
        Partition = partition;
        CompletesPartition = completesPartition;
        Note = note;
    }

    /// <summary>The objects (and, for a one-level listing, the folders) to read.</summary>
    public CloudListingPage Page { get; }
    public ListingPartition Partition { get; }
    /// <summary>True when no object of <see cref="Partition"/> comes after these.</summary>
    public bool CompletesPartition { get; }
    /// <summary>What the listing did to get here, for -Verbose; null when there is nothing new to say.</summary>
    public string? Note { get; }
}
