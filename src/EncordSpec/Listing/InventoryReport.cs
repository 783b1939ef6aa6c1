using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One inventory report run, as its manifest describes it.</summary>
internal sealed class InventoryReport
{
    public InventoryReport(CloudProvider provider, string manifest, string format, IReadOnlyList<string> dataFiles)
    {
        Provider = provider;
        Manifest = manifest;
        Format = format;
        DataFiles = dataFiles;
    }

    public CloudProvider Provider { get; }
    /// <summary>The manifest read: a local path or an s3:// URL.</summary>
    public string Manifest { get; }
    /// <summary>"CSV" or "Parquet".</summary>
    public string Format { get; }
    /// <summary>The data files, in manifest order.</summary>
    public IReadOnlyList<string> DataFiles { get; }
    /// <summary>The bucket the report lists (S3 sourceBucket, GCS source bucket); null when only the rows say (Azure).</summary>
    public string? SourceBucket { get; set; }
    /// <summary>The Azure storage account, from the manifest's endpoint.</summary>
    public string? AccountName { get; set; }
    /// <summary>When the report's scan started, UTC.</summary>
    public DateTime? Created { get; set; }
    /// <summary>How many objects the manifest says the report holds, when it says.</summary>
    public long? ObjectCount { get; set; }

    public string Describe() => $"{Provider} inventory report '{Manifest}' ({Format}, {DataFiles.Count} data file{(DataFiles.Count == 1 ? "" : "s")})";

    public override string ToString() => Describe();
}
