namespace EncordSpec.Reading;

/// <summary>What reading one spec came to. <see cref="SkipDuplicateUrls"/> and <see cref="UpsertMetadata"/> are the
/// JSON spec's top-level flags, which belong to the file rather than to any item.</summary>
internal sealed record SpecReadSummary(int Errors, int Warnings, long Items, long ObjectUrls, bool SkipDuplicateUrls, bool UpsertMetadata)
{
    /// <summary>True when there is no error (and, with <paramref name="warningsAsErrors"/>, no warning).</summary>
    public bool Passed(bool warningsAsErrors) => Errors == 0 && (!warningsAsErrors || Warnings == 0);
}
