namespace EncordSpec.Tests.Bench;

/// <summary>One page of a listing as a client sees it: its objects (key, size, content hash), its common prefixes and
/// whether a continuation token came with it.</summary>
public sealed record ListedPage(IReadOnlyList<ListedObject> Objects, IReadOnlyList<string> Prefixes, bool MoreFollow, int? KeyCount = null)
{
    /// <summary>A whole listing as lines, one per object, prefix and page end, each naming its page: two listings
    /// compare line by line, and a difference shows where it starts.</summary>
    public static List<string> Describe(IEnumerable<ListedPage> pages) => pages.SelectMany((page, index) =>
        page.Objects.Select(o => $"page {index + 1}: {o}")
            .Concat(page.Prefixes.Select(p => $"page {index + 1}: prefix {p}"))
            .Append($"page {index + 1}: {(page.MoreFollow ? "more follow" : "last")}{(page.KeyCount is { } count ? $", KeyCount {count}" : "")}"))
        .ToList();

    /// <summary>Every page of a listing: the first page, then each next one asked for with the token the page before
    /// gave (a continuation token, a marker), until a page gives none.</summary>
    public static async Task<List<ListedPage>> ListAllAsync(Func<string?, Task<(ListedPage Page, string? Next)>> fetchPage)
    {
        var pages = new List<ListedPage>();
        string? token = null;
        do
        {
            (var page, token) = await fetchPage(token);
            pages.Add(page);
            Assert.Equal(page.MoreFollow, token is not null);
            Assert.True(pages.Count < 500, "the listing does not end");
        }
        while (token is not null);
        return pages;
    }

    /// <summary>Every object of the listing, in order.</summary>
    public static IReadOnlyList<ListedObject> AllObjects(IEnumerable<ListedPage> pages) => pages.SelectMany(p => p.Objects).ToList();

    /// <summary>Every common prefix of the listing, in order.</summary>
    public static IReadOnlyList<string> AllPrefixes(IEnumerable<ListedPage> pages) => pages.SelectMany(p => p.Prefixes).ToList();

    public override string ToString() => string.Join("; ", Describe(new[] { this }));
}

/// <summary>An object as a listing reports it; the hash is the store's own (S3 ETag, Azure Content-MD5, GCS md5Hash and
/// crc32c).</summary>
public sealed record ListedObject(string Key, long Size, string Hash)
{
    public override string ToString() => $"{Key} ({Size} B, {Hash})";
}
