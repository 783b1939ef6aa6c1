using System;
using EncordSpec.Listing;

namespace EncordSpec;

/// <summary>One object of a bucket or container listing. Flat and filled when listed (no property makes a network
/// call), so ConvertTo-Json and Export-Csv are safe, and the spec cmdlets read ObjectUrl, Key, Bucket and DataType.</summary>
public sealed class CloudObject
{
    public CloudObject(CloudProvider provider, string bucket, string key)
    {
        Provider = provider;
        Bucket = bucket;
        Key = key;
        Name = key.Substring(key.LastIndexOf('/') + 1);
    }

    public CloudProvider Provider { get; }
    /// <summary>The bucket, or the container for Azure.</summary>
    public string Bucket { get; }
    /// <summary>The object's key (the blob name for Azure), exactly as stored.</summary>
    public string Key { get; }
    /// <summary>The file name: the key's last '/'-separated part.</summary>
    public string Name { get; }
    /// <summary>The object URL the platform needs, built from provider, bucket, region and key; never signed.</summary>
    public string ObjectUrl { get; set; } = "";
    public long Size { get; set; }
    /// <summary>When the object was last written, in UTC.</summary>
    public DateTime LastModified { get; set; }
    /// <summary>The entity tag without its quotes.</summary>
    public string? ETag { get; set; }
    /// <summary>The content type when the listing reports it (Azure and GCS do, S3 listings do not).</summary>
    public string? ContentType { get; set; }
    public string? StorageClass { get; set; }
    /// <summary>Image, Video, Audio, Pdf, Text, Nifti, Dicom or Unsupported: by the key's extension as the platform
    /// documents its file types, else (for names without extension) by the content type.</summary>
    public DataType DataType { get; set; } = DataType.Unsupported;

    /// <summary>Set when the listing was filtered by -DataType, so the user asked for this object's type: text files
    /// are then written by ConvertTo-EncordSpec (otherwise they count as sidecars and are skipped). Internal, so it
    /// stays out of output and exports.</summary>
    internal bool DataTypeAskedFor { get; set; }
    /// <summary>Size, MIME type and the media values the platform needs (width, height, duration, ...), read from the
    /// object's own header by Get-CloudObject -MediaMetadata; null without that switch or when the header could not
    /// be read.</summary>
    public MediaMetadata? MediaMetadata { get; set; }

    /// <summary>The part of the listing this object came from, for streaming folder groups; internal, so it stays out
    /// of PowerShell's output, Export-Csv and ConvertTo-Json. Null for objects made by users.</summary>
    internal ListingPartition? Partition { get; set; }

    /// <summary>The -Prefix of the listing that found this object, for -GroupBy Folder's titles (the folders' paths
    /// below it); null for objects made by users.</summary>
    internal string? ListedPrefix { get; set; }

    /// <summary>The object's number within its partition, from 1, in the order it was listed.</summary>
    internal long PartitionSequence { get; set; }

    /// <summary>A key ending in '/' with no content: the marker consoles create for empty folders, not a file.</summary>
    public bool IsFolderPlaceholder => Size == 0 && Key.EndsWith("/", StringComparison.Ordinal);

    public override string ToString() => ObjectUrl.Length > 0 ? ObjectUrl : Key;
}
