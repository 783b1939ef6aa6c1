namespace EncordSpec.Listing;

/// <summary>What to list: every key under <see cref="Prefix"/>, or with a <see cref="Delimiter"/> only one level.</summary>
/// <param name="Prefix">The key prefix listed.</param>
/// <param name="Delimiter">Null or empty for a recursive listing.</param>
/// <param name="PageSize">Objects asked for per round trip; each store caps it (S3 at 1,000, Azure at 5,000).</param>
internal sealed record CloudListingRequest(string Prefix, string? Delimiter, int PageSize)
{
    /// <summary>Null for a recursive listing.</summary>
    public string? Delimiter { get; } = string.IsNullOrEmpty(Delimiter) ? null : Delimiter;
}
