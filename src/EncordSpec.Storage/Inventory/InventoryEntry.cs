using System.Collections.Generic;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>An object of the report with its place in the report: what the merge orders by.</summary>
/// <param name="Object">The object as a listing would return it.</param>
/// <param name="Sequence">The data file's index (high bits) and the object's number within that file: the report's own
/// order, which decides between rows of the same key (versions, with -IncludeAllVersions), so the output never
/// depends on which file was read first.</param>
internal readonly record struct InventoryEntry(CloudObject Object, long Sequence)
{
    /// <summary>The sequence of a file's <paramref name="row"/>-th object; 2^40 objects fit in one file.</summary>
    public static long SequenceOf(int fileIndex, long row) => ((long)fileIndex << 40) + row;
}

/// <summary>The store's listing order of entries: bucket, then key in the provider's order (<see cref="KeyOrder"/>),
/// then the report's order.</summary>
internal sealed class InventoryEntryOrder : IComparer<InventoryEntry>
{
    private readonly IComparer<string> keyOrder;

    public InventoryEntryOrder(IComparer<string> keyOrder) => this.keyOrder = keyOrder;

    public int Compare(InventoryEntry x, InventoryEntry y)
    {
        int byBucket = string.CompareOrdinal(x.Object.Bucket, y.Object.Bucket);
        if (byBucket != 0) return byBucket;
        int byKey = keyOrder.Compare(x.Object.Key, y.Object.Key);
        return byKey != 0 ? byKey : x.Sequence.CompareTo(y.Sequence);
    }
}
