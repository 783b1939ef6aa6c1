namespace EncordSpec.Reading;

/// <summary>The top-level flags (skip_duplicate_urls, upsert_metadata) of a spec that ConvertFrom-EncordSpec read,
/// shared by every item read from it, so that ConvertTo-EncordSpec can carry them. They may stand after the items in
/// the file, so they are filled in once the whole file has been read (<see cref="Known"/>); by then a downstream
/// ConvertTo-EncordSpec has not yet written its flags, which it does at the end.</summary>
internal sealed class ReadSpecFlags
{
    public ReadSpecFlags(string? path) => Path = path;

    /// <summary>The spec file, or null for -Spec text.</summary>
    public string? Path { get; }

    /// <summary>False until the file has been read to its end.</summary>
    public bool Known { get; private set; }

    public bool SkipDuplicateUrls { get; private set; }

    public bool UpsertMetadata { get; private set; }

    public void Complete(SpecReadSummary summary)
    {
        SkipDuplicateUrls = summary.SkipDuplicateUrls;
        UpsertMetadata = summary.UpsertMetadata;
        Known = true;
    }
}
