using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>One page of a listing as the store returned it: objects in the store's order, the common prefixes
/// (with a delimiter), and the token for the next page.</summary>
internal sealed class CloudListingPage
{
    public CloudListingPage(IReadOnlyList<CloudObject> objects, IReadOnlyList<string> prefixes, string? continuationToken)
    {
        Objects = objects;
        Prefixes = prefixes;
        ContinuationToken = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
    }

    /// <summary>Objects with Key, Size, LastModified, ETag, ContentType and StorageClass set; ObjectUrl and DataType
    /// are filled by the module, which knows the URL style.</summary>
    public IReadOnlyList<CloudObject> Objects { get; }
    public IReadOnlyList<string> Prefixes { get; }
    /// <summary>Null on the last page.</summary>
    public string? ContinuationToken { get; }
}
