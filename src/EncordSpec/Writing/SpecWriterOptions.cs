namespace EncordSpec.Writing;

/// <summary>Top-level flags of a JSON spec. The CSV form cannot express them.</summary>
internal sealed class SpecWriterOptions
{
    /// <summary>Writes "skip_duplicate_urls": true, which makes uploads idempotent.</summary>
    public bool SkipDuplicateUrls { get; set; }

    /// <summary>Writes "upsert_metadata": true (only meaningful together with skip_duplicate_urls).</summary>
    public bool UpsertMetadata { get; set; }
}
