using CsCheck;

namespace EncordSpec.Tests.Listing;

/// <summary>The parallel listing against random buckets in memory (<see cref="MemoryLister"/>): whatever the layout
/// (folder trees, flat prefixes of numbered names, one folder holding most keys, awkward characters), page size,
/// ThrottleLimit, store (S3, GCS and Azure semantics, stores that ignore key ranges or leave folders out of one-level
/// listings) and reading mode, it lists exactly what a sequential listing lists: sorted, in the same order; and its
/// partitions keep their promise to streaming folder groups.</summary>
public class ParallelListingPropertyTests
{
    /// <summary>Name pieces with the characters that order differently in UTF-8 and UTF-16 (an emoji, U+FF01), sort
    /// below '/' (' ', '+', '.', '-'), and letters and digits.</summary>
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char["abAB0-. +"].Array[1, 3].Select(c => new string(c)),
        Gen.Char["xyzé日\uFF01"].Array[1, 2].Select(c => new string(c)),
        Gen.OneOf("\U0001F600", "img", "a", "b/"));

    private static readonly Gen<string[]> Tree =
        Piece.Array[1, 4].Select(p => string.Join("/", p)).Array[0, 250];

    private static readonly Gen<string[]> Flat =
        Gen.Select(Gen.Int[0, 999_999].Array[0, 600], Gen.OneOf("", "images/", "x/y/"),
            (numbers, folder) => numbers.Select(n => $"{folder}img-{n:D6}.jpg").ToArray());

    private static readonly Gen<string[]> Skewed =
        Gen.Select(Gen.Int[0, 99_999].Array[50, 400], Tree, (numbers, others) =>
            numbers.Select(n => $"big/{n % 7}/{n:D5}.png").Concat(numbers.Take(40).Select(n => $"big/{n}.jpg")).Concat(others).ToArray());

    private static readonly Gen<MemoryStore> Stores = Gen.OneOf(
        MemoryStore.S3, MemoryStore.Gcs, MemoryStore.Azure,
        MemoryStore.S3 with { HidesFoldersOfFolders = true },
        MemoryStore.Gcs with { IgnoresRanges = true },
        MemoryStore.Azure with { Jitter = TimeSpan.FromMilliseconds(2) },
        MemoryStore.S3 with { Jitter = TimeSpan.FromMilliseconds(2), MaxPageSize = 7 });

    /// <summary>Stores that sort keys otherwise than the listing assumes (<see cref="KeyOrder.For"/>: UTF-8 for S3,
    /// UTF-16 for GCS and Azure): by UTF-16 code units, by UTF-8 bytes, lower case first, by a permutation of characters.</summary>
    private static readonly Gen<MemoryStore> OtherOrders = Gen.OneOf(
        MemoryStore.S3 with { Order = KeyOrder.Utf16, OrderName = "UTF-16 (S3 assumed)" },
        MemoryStore.Gcs with { Order = KeyOrder.Utf8, OrderName = "UTF-8 (GCS assumed)" },
        MemoryStore.SortingBy(StoreOrder.CaseReversed),
        MemoryStore.SortingBy(StoreOrder.Permuted(1)),
        MemoryStore.SortingBy(StoreOrder.Permuted(2)) with { Jitter = TimeSpan.FromMilliseconds(2) });

    private sealed record Case(string[] Keys, string Prefix, MemoryStore Store, int PageSize, int ThrottleLimit, bool Sorted, bool ShowsEveryFolder)
    {
        /// <summary>The order the listing is told the store sorts by.</summary>
        public IComparer<string> Assumed => Store.StartInclusive ? KeyOrder.Utf16 : KeyOrder.Utf8;

        public override string ToString() =>
            $"{Keys.Length} keys (first {string.Join(" | ", Keys.Take(8))}), prefix '{Prefix}', {Store}, page {PageSize}, ThrottleLimit {ThrottleLimit}, " +
            $"sorted {Sorted}, one-level listings trusted {ShowsEveryFolder}";
    }

    // One-level listings are trusted (as for Azure and GCS) only where the store shows every folder.
    private static readonly Gen<Case> Cases = Gen.Select(
        Gen.OneOf(Tree, Flat, Skewed), Gen.OneOf("", "", "", "big/", "img-0", "a"), Stores, Gen.Int[1, 25], Gen.Int[1, 12], Gen.Bool, Gen.Bool,
        (keys, prefix, store, pageSize, throttle, sorted, trusted) =>
            new Case(keys, prefix, store, pageSize, throttle, sorted, trusted && !store.HidesFoldersOfFolders));

    [Fact]
    public void A_parallel_listing_holds_what_a_sequential_one_holds_and_keeps_its_partitions_promise()
    {
        Cases.Sample(Check, iter: 400, threads: 1);
    }

    /// <summary>One-level listings are trusted to show every folder only on Azure and GCS (stores whose start is
    /// inclusive here), as Get-CloudObject does; an S3-compatible store of its own order never is. (That the probes
    /// catch wrong split points is shown by KeyRangeSplitTests; here a few in a hundred cases have one.)</summary>
    [Fact]
    public void On_a_store_that_sorts_keys_otherwise_a_parallel_listing_holds_what_a_sequential_one_holds()
    {
        Gen.Select(Gen.OneOf(Tree, Flat, Skewed), Gen.OneOf("", "", "", "big/", "img-0", "a"), OtherOrders, Gen.Int[1, 25], Gen.Int[1, 12], Gen.Bool, Gen.Bool,
                (keys, prefix, store, pageSize, throttle, sorted, trusted) => new Case(keys, prefix, store, pageSize, throttle, sorted, trusted && store.StartInclusive))
            .Sample(Check, iter: 400, threads: 1);
    }

    private static void Check(Case test)
    {
        using var lister = new MemoryLister(test.Keys, test.Store);
        var request = new CloudListingRequest(test.Prefix, null, test.PageSize);
        var sequential = SequentialListing.Pages(lister, request, CancellationToken.None).SelectMany(p => p.Objects).Select(o => o.Key).ToList();
        Assert.Equal(lister.Keys.Where(k => k.StartsWith(test.Prefix, StringComparison.Ordinal)), sequential);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        List<ListingChunk> chunks;
        using (var listing = new ParallelListing(lister, request, test.ThrottleLimit, test.Sorted, test.Assumed, test.ShowsEveryFolder))
            chunks = listing.Read(timeout.Token).ToList();
        var parallel = chunks.SelectMany(c => c.Page.Objects).Select(o => o.Key).ToList();

        var lost = sequential.Except(parallel).ToList();
        var twice = parallel.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(lost.Count == 0 && twice.Count == 0,
            $"lost [{string.Join(" | ", lost)}], listed twice [{string.Join(" | ", twice)}] of {sequential.Count}; notes: " +
            string.Join(" // ", chunks.Where(c => c.Note is not null && !c.Note.StartsWith("Listed ", StringComparison.Ordinal)).Select(c => c.Note)));
        if (test.Sorted)
            Assert.Equal(sequential, parallel);
        else
            Assert.Equal(sequential.Order(StringComparer.Ordinal), parallel.Order(StringComparer.Ordinal));
        AssertPartitionsPromise(chunks, test.Store.Order);
    }

    /// <summary>What <see cref="FolderCompletion"/> relies on: within a partition keys come in the store's order;
    /// a folder's direct objects are all in one partition or all in none; a partition is completed once, after its
    /// last object, and every partition that had objects is completed.</summary>
    internal static void AssertPartitionsPromise(IEnumerable<ListingChunk> chunks, IComparer<string> order)
    {
        var lastKey = new Dictionary<ListingPartition, string>();
        var folderPartition = new Dictionary<string, ListingPartition?>(StringComparer.Ordinal);
        var completed = new HashSet<ListingPartition>();
        foreach (var chunk in chunks)
        {
            foreach (var cloudObject in chunk.Page.Objects)
            {
                string key = cloudObject.Key;
                string folder = key.Substring(0, key.LastIndexOf('/') + 1);
                if (folderPartition.TryGetValue(folder, out var partition))
                    Assert.True(partition == chunk.Partition, $"folder '{folder}': '{key}' in partition '{chunk.Partition}', an earlier object in '{partition}'");
                else
                    folderPartition[folder] = chunk.Partition;
                if (chunk.Partition is null)
                    continue;
                Assert.False(completed.Contains(chunk.Partition), $"'{key}' after its partition '{chunk.Partition}' was completed");
                if (lastKey.TryGetValue(chunk.Partition, out string? previous))
                    Assert.True(order.Compare(previous, key) < 0, $"'{key}' after '{previous}' in partition '{chunk.Partition}'");
                lastKey[chunk.Partition] = key;
            }
            if (chunk.CompletesPartition)
                Assert.True(completed.Add(chunk.Partition!), $"partition '{chunk.Partition}' completed twice");
        }
        Assert.All(lastKey.Keys, partition => Assert.Contains(partition, completed));
    }
}
