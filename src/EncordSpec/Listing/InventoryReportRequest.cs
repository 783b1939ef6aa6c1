namespace EncordSpec.Listing;

/// <summary>Which inventory report to read and how: what Get-CloudObject -InventoryManifest's parameters say.</summary>
internal sealed class InventoryReportRequest
{
    /// <summary>Rows a data file's reader holds before it sorts them and moves them to a temporary file.</summary>
    public const int DefaultRunLength = 200_000;

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
    /// <summary>How many data files are read at the same time.</summary>
    public int ThrottleLimit { get; set; } = 4;
    /// <summary>See <see cref="DefaultRunLength"/>.</summary>
    public int RunLength { get; set; } = DefaultRunLength;
    /// <summary>Where sorted runs are kept while the report is read; null for the system's temporary folder.</summary>
    public string? TemporaryDirectory { get; set; }
}
