using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One page of a listing as the store returned it: objects in the store's order, the common prefixes
/// (with a delimiter), and the token for the next page.</summary>
/// <param name="Objects">Objects with Key, Size, LastModified, ETag, ContentType and StorageClass set; ObjectUrl and
/// DataType are filled by the module, which knows the URL style.</param>
/// <param name="Prefixes">The common prefixes, with a delimiter.</param>
/// <param name="ContinuationToken">Null or empty on the last page.</param>
internal sealed record CloudListingPage(IReadOnlyList<CloudObject> Objects, IReadOnlyList<string> Prefixes, string? ContinuationToken)
{
    /// <summary>Null on the last page.</summary>
    public string? ContinuationToken { get; } = string.IsNullOrEmpty(ContinuationToken) ? null : ContinuationToken;
}
