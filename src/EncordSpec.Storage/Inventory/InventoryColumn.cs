using System;
using System.Collections.Generic;
using System.Text;

namespace EncordSpec.Storage.Inventory;

/// <summary>What a report column means. Providers spell the same thing differently (S3 CSV 'LastModifiedDate', S3
/// Parquet 'last_modified_date', Azure 'Last-Modified', GCS 'updated'), so names are compared with case, '-', '_'
/// and spaces ignored, against each provider's documented names.</summary>
internal enum InventoryColumn
{
    Bucket, Key, Size, LastModified, ETag, ContentType, StorageClass,
    /// <summary>S3 IsLatest, Azure IsCurrentVersion: false on a non-current version.</summary>
    IsLatest,
    /// <summary>S3 IsDeleteMarker.</summary>
    IsDeleteMarker,
    /// <summary>Azure Deleted: a soft-deleted blob.</summary>
    Deleted,
    /// <summary>Azure hdi_isfolder: a directory of a hierarchical namespace account.</summary>
    IsFolder,
    /// <summary>Azure Snapshot: set on a snapshot's row.</summary>
    Snapshot,
    /// <summary>GCS timeDeleted: set on a non-current (noncurrent) generation.</summary>
    TimeDeleted,
}

internal static class InventoryColumns
{
    private static readonly Dictionary<string, InventoryColumn> S3 = new()
    {
        ["bucket"] = InventoryColumn.Bucket, ["key"] = InventoryColumn.Key, ["size"] = InventoryColumn.Size,
        ["lastmodifieddate"] = InventoryColumn.LastModified, ["etag"] = InventoryColumn.ETag, ["storageclass"] = InventoryColumn.StorageClass,
        ["islatest"] = InventoryColumn.IsLatest, ["isdeletemarker"] = InventoryColumn.IsDeleteMarker,
    };

    private static readonly Dictionary<string, InventoryColumn> Azure = new()
    {
        ["name"] = InventoryColumn.Key, ["contentlength"] = InventoryColumn.Size, ["lastmodified"] = InventoryColumn.LastModified,
        ["etag"] = InventoryColumn.ETag, ["contenttype"] = InventoryColumn.ContentType, ["accesstier"] = InventoryColumn.StorageClass,
        ["iscurrentversion"] = InventoryColumn.IsLatest, ["deleted"] = InventoryColumn.Deleted, ["hdiisfolder"] = InventoryColumn.IsFolder,
        ["snapshot"] = InventoryColumn.Snapshot,
    };

    private static readonly Dictionary<string, InventoryColumn> Gcs = new()
    {
        ["bucket"] = InventoryColumn.Bucket, ["name"] = InventoryColumn.Key, ["size"] = InventoryColumn.Size,
        ["updated"] = InventoryColumn.LastModified, ["etag"] = InventoryColumn.ETag, ["contenttype"] = InventoryColumn.ContentType,
        ["storageclass"] = InventoryColumn.StorageClass, ["timedeleted"] = InventoryColumn.TimeDeleted,
    };

    /// <summary>For each column the report has, its meaning or null; and where each meaning is (-1 when absent).</summary>
    public static int[] Locate(CloudProvider provider, IReadOnlyList<string> names)
    {
        var known = provider switch { CloudProvider.Azure => Azure, CloudProvider.GCS => Gcs, _ => S3 };
        var positions = new int[Enum.GetValues(typeof(InventoryColumn)).Length];
        for (int i = 0; i < positions.Length; i++)
            positions[i] = -1;
        for (int i = 0; i < names.Count; i++)
            if (known.TryGetValue(Normalize(names[i]), out var column) && positions[(int)column] < 0)
                positions[(int)column] = i;
        return positions;
    }

    /// <summary>The report's name of the key column, for messages.</summary>
    public static string KeyName(CloudProvider provider, bool parquet) => provider switch
    {
        CloudProvider.Azure => "Name",
        CloudProvider.GCS => "name",
        _ => parquet ? "key" : "Key",
    };

    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
            if (c is not ('-' or '_' or ' ' or '"'))
                text.Append(char.ToLowerInvariant(c));
        return text.ToString();
    }
}
