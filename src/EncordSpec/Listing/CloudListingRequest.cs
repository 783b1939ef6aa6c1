namespace EncordSpec.Listing;

/// <summary>What to list: every key under <see cref="Prefix"/>, or with a <see cref="Delimiter"/> only one level.</summary>
internal sealed class CloudListingRequest
{
    public CloudListingRequest(string prefix, string? delimiter, int pageSize)
    {
        Prefix = prefix;
        Delimiter = string.IsNullOrEmpty(delimiter) ? null : delimiter;
        PageSize = pageSize;
    }

    public string Prefix { get; }
    /// <summary>Null for a recursive listing.</summary>
    public string? Delimiter { get; }
    /// <summary>Objects asked for per round trip; each store caps it (S3 at 1,000, Azure at 5,000).</summary>
    public int PageSize { get; }

    /// <summary>The same listing under another prefix (for listing parts of a bucket side by side).</summary>
    public CloudListingRequest WithPrefix(string prefix) => new(prefix, Delimiter, PageSize);
}
