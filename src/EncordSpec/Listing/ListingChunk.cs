namespace EncordSpec.Listing;

/// <summary>What Get-CloudObject emits next: objects of one <see cref="ListingPartition"/> in key order (with a
/// delimiter, also the folders of the page), and whether the partition is complete once they are written.</summary>
/// <param name="Page">The objects (and, for a one-level listing, the folders) to read.</param>
/// <param name="Partition">The partition they belong to; null for objects of a folder that other partitions may
/// also hold (a parallel listing split inside it): nothing can be proven complete by them.</param>
/// <param name="CompletesPartition">True when no object of <paramref name="Partition"/> comes after these.</param>
/// <param name="Note">What the listing did to get here, for -Verbose; null when there is nothing new to say.</param>
internal sealed record ListingChunk(CloudListingPage Page, ListingPartition? Partition, bool CompletesPartition, string? Note = null);
