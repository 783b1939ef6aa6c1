using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Listing;

/// <summary>An inventory report's pages as Get-CloudObject's listing chunks: one <see cref="ListingPartition"/> in the
/// store's key order, like a sequential listing, so New-EncordImageGroup -GroupBy Folder writes each folder's group as
/// soon as the report moves past it.</summary>
internal static class InventoryListing
{
    public static IEnumerable<ListingChunk> Chunks(IInventoryReportReader reader, string prefix, CancellationToken cancellationToken)
    {
        var partition = new ListingPartition(prefix);
        bool first = true;
        foreach (var page in reader.ReadPages(cancellationToken))
        {
            string? note = first ? $"Read {reader.Report.Describe()}; {page.Objects.Count} objects in the first page." : null;
            first = false;
            yield return new ListingChunk(page, partition, page.ContinuationToken is null, note);
        }
    }
}
