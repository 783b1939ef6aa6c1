namespace EncordSpec.Reading;

/// <summary>What reading one spec came to.</summary>
internal sealed class SpecReadSummary
{
    public SpecReadSummary(int errors, int warnings, long items, long objectUrls, bool skipDuplicateUrls, bool upsertMetadata)
    {
        Errors = errors;
        Warnings = warnings;
        Items = items;
        ObjectUrls = objectUrls;
        SkipDuplicateUrls = skipDuplicateUrls;
        UpsertMetadata = upsertMetadata;
    }

    public int Errors { get; }
    public int Warnings { get; }
    public long Items { get; }
    public long ObjectUrls { get; }

    /// <summary>The JSON spec's top-level flags, which belong to the file rather than to any item.</summary>
    public bool SkipDuplicateUrls { get; }
    public bool UpsertMetadata { get; }

    /// <summary>True when there is no error (and, with <paramref name="warningsAsErrors"/>, no warning).</summary>
    public bool Passed(bool warningsAsErrors) => Errors == 0 && (!warningsAsErrors || Warnings == 0);
}
