namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>One row of a test report, in the providers' common terms; each builder writes it in its own columns.</summary>
public sealed record TestInventoryRow(string Bucket, string Key, long? Size, DateTime? LastModified, string? ETag,
    string? ContentType = null, string? StorageClass = null)
{
    public bool IsLatest { get; init; } = true;
    public bool IsDeleteMarker { get; init; }
    public string? VersionId { get; init; }
    /// <summary>Azure hdi_isfolder (a directory of a hierarchical namespace account).</summary>
    public bool IsFolder { get; init; }
}
