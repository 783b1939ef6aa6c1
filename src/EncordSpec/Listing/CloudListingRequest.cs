namespace EncordSpec.Listing;

/// <summary>What to list: every key under <see cref="Prefix"/>, or with a <see cref="Delimiter"/> only one level;
/// optionally only the keys after <see cref="StartAfter"/> up to <see cref="UpTo"/>.</summary>
/// <param name="Prefix">The key prefix listed.</param>
/// <param name="Delimiter">Null or empty for a recursive listing.</param>
/// <param name="PageSize">Objects asked for per round trip; each store caps it (S3 at 1,000, Azure at 5,000).</param>
internal sealed record CloudListingRequest(string Prefix, string? Delimiter, int PageSize)
{
    /// <summary>Null for a recursive listing.</summary>
    public string? Delimiter { get; } = string.IsNullOrEmpty(Delimiter) ? null : Delimiter;

    /// <summary>Where the listing starts, exclusive: S3 start-after; GCS startOffset and Azure startFrom (both
    /// inclusive, so a page may hold this key itself). A hint to the store: the caller drops what lies outside the
    /// range (a store may also ignore it, as the GCS emulator does). Null: from the first key under the prefix.</summary>
    public string? StartAfter { get; init; }

    /// <summary>The last key the caller wants, inclusive: GCS endOffset is set just above it. S3 and Azure have no such
    /// parameter, so a page may go past it; the caller stops there. Null: to the last key under the prefix.</summary>
    public string? UpTo { get; init; }
}
