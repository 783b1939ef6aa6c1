using System;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>One row of a report, as read from a CSV record or a Parquet row group, before it becomes a
/// <see cref="CloudObject"/>. Reused from row to row by each data file's reader.</summary>
internal sealed class InventoryRow
{
    public string? Bucket;
    public string Key = "";
    public long? Size;
    public DateTime? LastModified;
    public string? ETag;
    public string? ContentType;
    public string? StorageClass;
    public bool? IsLatest;
    public bool? IsDeleteMarker;
    public bool? Deleted;
    public bool? IsFolder;
    public bool HasSnapshot;
    public bool HasTimeDeleted;

    public void Clear()
    {
        Bucket = ETag = ContentType = StorageClass = null;
        Key = "";
        Size = null;
        LastModified = null;
        IsLatest = IsDeleteMarker = Deleted = IsFolder = null;
        HasSnapshot = HasTimeDeleted = false;
    }

    /// <summary>A row a listing of current objects would not show: a non-current version, a delete marker, a
    /// soft-deleted blob, a snapshot, or a hierarchical-namespace directory.</summary>
    public bool IsNotCurrentObject =>
        IsLatest == false || IsDeleteMarker == true || Deleted == true || HasSnapshot || HasTimeDeleted;
}

/// <summary>Turns rows into the objects a listing would return, applying the request's prefix, container and
/// version choices.</summary>
internal sealed class InventoryRowFilter
{
    private readonly CloudProvider provider;
    private readonly string? fixedBucket;
    private readonly InventoryReportRequest request;

    public InventoryRowFilter(InventoryReportRequest request, string? fixedBucket)
    {
        provider = request.Provider;
        this.request = request;
        this.fixedBucket = fixedBucket;
    }

    /// <summary>The object for the row, or null when the request leaves it out.</summary>
    public CloudObject? ToObject(InventoryRow row)
    {
        if (row.IsFolder == true || !request.IncludeAllVersions && row.IsNotCurrentObject)
            return null;
        string bucket, key = row.Key;
        if (provider == CloudProvider.Azure)
        {
            // Azure names rows 'container/blob'.
            int slash = key.IndexOf('/');
            if (slash <= 0)
                return null;
            bucket = key.Substring(0, slash);
            key = key.Substring(slash + 1);
            if (request.Container is not null && !string.Equals(bucket, request.Container, StringComparison.Ordinal))
                return null;
        }
        else
        {
            bucket = row.Bucket ?? fixedBucket ?? "";
        }
        if (key.Length == 0 || !key.StartsWith(request.Prefix, StringComparison.Ordinal))
            return null;
        return new CloudObject(provider, bucket, key)
        {
            Size = row.Size ?? 0,
            LastModified = row.LastModified ?? default,
            ETag = string.IsNullOrEmpty(row.ETag) ? null : row.ETag!.Trim('"'),
            ContentType = string.IsNullOrEmpty(row.ContentType) ? null : row.ContentType,
            StorageClass = string.IsNullOrEmpty(row.StorageClass) ? null : row.StorageClass,
        };
    }
}
