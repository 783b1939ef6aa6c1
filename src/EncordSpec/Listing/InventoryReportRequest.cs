namespace EncordSpec.Listing;

/// <summary>Which inventory report to read and how: what Get-CloudObject -InventoryManifest's parameters say.</summary>
internal sealed class InventoryReportRequest
{
    /// <summary>Objects held in memory, over all data files read at once, by the sort of rows that are out of key
    /// order, before they are written to temporary files.</summary>
    public const int DefaultRunLength = 100_000;

    /// <summary>Sorted files and runs the merge reads at the same time; where more overlap, they are merged in groups first.</summary>
    public const int DefaultMaxOpenSources = 64;

    public InventoryReportRequest(CloudProvider provider, string manifest, CloudListerOptions store)
    {
        Provider = provider;
        Manifest = manifest;
        Store = store;
    }

    public CloudProvider Provider { get; }
    /// <summary>A manifest (local path or s3:// URL), or the folder or prefix the reports are delivered under, in
    /// which case the newest complete report is read.</summary>
    public string Manifest { get; }
    /// <summary>Credentials and endpoint for reading s3:// manifests, as a listing would use them.</summary>
    public CloudListerOptions Store { get; }
    /// <summary>Only keys starting with this text.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Azure: only this container's blobs (a report may cover the whole account); null for all.</summary>
    public string? Container { get; set; }
    /// <summary>Keep rows of non-current versions, delete markers, deleted blobs and snapshots (skipped by default, as a
    /// listing of current objects never shows them).</summary>
    public bool IncludeAllVersions { get; set; }
    /// <summary>How many data files are read at the same time in the first pass (at most one per processor).</summary>
    public int ThrottleLimit { get; set; } = System.Environment.ProcessorCount;
    /// <summary>See <see cref="DefaultRunLength"/>.</summary>
    public int RunLength { get; set; } = DefaultRunLength;
    /// <summary>See <see cref="DefaultMaxOpenSources"/>.</summary>
    public int MaxOpenSources { get; set; } = DefaultMaxOpenSources;
    /// <summary>Where sorted runs are kept while the report is read; null for the system's temporary folder.</summary>
    public string? TemporaryDirectory { get; set; }
}
