using System;
using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Listing;

/// <summary>An inventory report read as Get-CloudObject's listing: where the report is, which bucket its objects are
/// in, and its pages as listing chunks of one <see cref="ListingPartition"/> in the store's key order, like a
/// sequential listing, so New-EncordImageGroup -GroupBy Folder writes each folder's group as soon as the report moves
/// past it.</summary>
internal static class InventoryListing
{
    private const string S3Scheme = "s3://";

    /// <summary>True for an s3:// manifest or prefix, read from the destination bucket; anything else is a local path.</summary>
    public static bool IsInStore(string manifest) => manifest.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bucket whose credentials, region and endpoint read the report: the destination bucket of an
    /// s3:// manifest. A local copy is read from disk and names none.</summary>
    public static string StoreBucket(string manifest)
    {
        if (!IsInStore(manifest))
            return "inventory";
        string rest = manifest.Substring(S3Scheme.Length);
        int slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest.Substring(0, slash);
    }

    /// <summary>The bucket the object URLs name: the one given, else the one the report lists (S3 sourceBucket, the
    /// GCS report's bucket); null when neither says (an Azure report, which covers a whole account).</summary>
    public static string? ListedBucket(string given, InventoryReport report) =>
        given.Length > 0 ? given : report.SourceBucket;

    public static IEnumerable<ListingChunk> Chunks(IInventoryReportReader reader, string prefix, CancellationToken cancellationToken)
    {
        var partition = new ListingPartition(prefix);
        bool first = true;
        foreach (var page in reader.ReadPages(cancellationToken))
        {
            string? note = first ? $"Read {reader.Report.Describe()}: {reader.Summary}." : null;
            first = false;
            yield return new ListingChunk(page, partition, page.ContinuationToken is null, note);
        }
    }
}
