using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Checks each page a listing accepts for a store that hands out a continuation token it gave before, which
/// would have the listing ask for the same pages forever, emitting them again each time. Both listing engines call it
/// (a sequential listing as one chain of pages, a parallel one per key range); a page marked truncated without a
/// token is the S3 lister's to refuse, as only S3 answers say both.</summary>
internal sealed class PageGuard
{
    private readonly Dictionary<object, Chain> chains = new();

    /// <summary>Throws when <paramref name="page"/>'s token was given before in the chain of pages <paramref name="scope"/> names.</summary>
    public void Check(object scope, CloudListingPage page)
    {
        if (!chains.TryGetValue(scope, out var chain))
            chains[scope] = chain = new Chain();
        chain.Pages++;
        if (page.ContinuationToken is not null && !chain.Tokens.Add(page.ContinuationToken))
        {
            throw new CloudStorageException(CloudErrorKind.Failed,
                $"the store answered page {chain.Pages:N0} with a continuation token it had already given, so listing on " +
                $"would repeat the same pages forever; {chain.Objects:N0} objects were listed before it");
        }
        chain.Objects += page.Objects.Count;
    }

    private sealed class Chain
    {
        public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal);
        public int Pages { get; set; }
        public long Objects { get; set; }
    }
}
