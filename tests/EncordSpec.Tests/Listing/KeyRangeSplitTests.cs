namespace EncordSpec.Tests.Listing;

/// <summary>How the parallel listing splits a prefix into key ranges, against buckets in memory that answer after a
/// few milliseconds, as a distant store does: a flat prefix keeps ThrottleLimit requests in flight with few requests
/// more than a sequential listing needs; a store that ignores key ranges stops the splitting and loses nothing.</summary>
public class KeyRangeSplitTests
{
    private static readonly MemoryStore Distant = MemoryStore.S3 with { Latency = TimeSpan.FromMilliseconds(5) };

    private static (List<string> Keys, ParallelListing Listing, List<string> Notes) List(MemoryLister lister, string prefix, int pageSize, int throttleLimit)
    {
        var listing = new ParallelListing(lister, new CloudListingRequest(prefix, null, pageSize), throttleLimit, false, KeyOrder.Utf8);
        using (listing)
        {
            var chunks = listing.Read(CancellationToken.None).ToList();
            return (chunks.SelectMany(c => c.Page.Objects).Select(o => o.Key).ToList(), listing,
                chunks.Where(c => c.Note is not null).Select(c => c.Note!).ToList());
        }
    }

    [Theory]
    [InlineData("", "img-{0:D6}.jpg", 20_000)]
    [InlineData("", "images/{0:D9}.jpg", 20_000)]
    [InlineData("data/", "data/{0:x8}", 20_000)]
    public void A_flat_prefix_is_listed_with_ThrottleLimit_requests_in_flight_and_few_more_requests_than_pages(string prefix, string format, int count)
    {
        var keys = Enumerable.Range(0, count).Select(n => string.Format(format, n * 7919 % 1_000_003)).ToList();
        using var lister = new MemoryLister(keys, Distant);
        var (listed, listing, notes) = List(lister, prefix, 100, 8);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(8, lister.MostInFlight);
        int pages = count / 100;
        // Page requests as before the split checks; beside them, one-key probes: one for the start of the listing,
        // and at most two for each split.
        int probes = lister.Received.Count(r => r.Request.PageSize == 1 && r.Request.Delimiter is null);
        Assert.True(listing.Requests - probes < pages * 5 / 4 + 40, $"{listing.Requests - probes} page requests for {pages} pages");
        Assert.True(probes <= 1 + 2 * listing.Splits, $"{probes} probes for {listing.Splits} splits");
        Assert.True(listing.Splits >= 7, $"{listing.Splits} splits");
        Assert.Contains(notes, n => n.StartsWith("Split the keys", StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_of_a_page_each_are_listed_side_by_side()
    {
        var keys = Enumerable.Range(0, 10_000).Select(n => $"folder-{n / 100:D3}/img-{n % 100:D5}.jpg").ToList();
        using var lister = new MemoryLister(keys, Distant);
        var (listed, listing, _) = List(lister, "", 100, 8);

        Assert.Equal(keys, listed.Order(StringComparer.Ordinal));
        Assert.Equal(8, lister.MostInFlight);
        Assert.True(listing.Requests < 100 * 2, $"{listing.Requests} requests for 100 pages");
    }

    [Fact]
    public void After_the_first_page_each_folder_is_listed_with_requests_for_that_folder_only()
    {
        // What keeps a file-system-backed store (s3rver, MinIO) or Azurite cheap: a request over the whole prefix makes
        // it walk (or sort) every key under it, one for a folder only that folder's.
        var keys = Enumerable.Range(0, 25_000).Select(n => $"folder-{n / 250:D3}/img-{n % 250:D5}.jpg").ToList();
        using var lister = new MemoryLister(keys, Distant);
        var (listed, listing, notes) = List(lister, "", 100, 8);

        Assert.Equal(keys, listed.Order(StringComparer.Ordinal));
        var wholePrefix = lister.Received.Where(r => r.Request.Prefix == "" && r.Request.Delimiter is null).ToList();
        // The first page, the one-key probe of whether the store honours where a listing starts, then for each of the
        // other 99 folders one request that also takes in the gap before it, and one for what comes after the last
        // folder: every other request names a folder.
        Assert.True(wholePrefix.Count <= 1 + 1 + 99 + 1, $"{wholePrefix.Count} requests over the whole prefix");
        Assert.DoesNotContain(wholePrefix, r => r.Continued);
        Assert.Single(lister.Received, r => r.Request.Delimiter is not null);
        Assert.True(listing.Requests < 250 + 120, $"{listing.Requests} requests for 250 pages");
        Assert.Contains(notes, n => n.StartsWith("Listed '' one level down after 'folder-000/img-00099.jpg': 100 folders", StringComparison.Ordinal));
    }

    [Fact]
    public void Where_one_level_listings_show_every_folder_each_folder_is_asked_for_alone_from_the_first_request()
    {
        // Azure and GCS: no request over the whole prefix after the first page but for the gaps that hold objects.
        var keys = Enumerable.Range(0, 25_000).Select(n => $"folder-{n / 500:D3}/img-{n % 500:D5}.jpg").Append("folder-025.txt").ToList();
        using var lister = new MemoryLister(keys, MemoryStore.Azure with { Latency = TimeSpan.FromMilliseconds(5) });
        using var listing = new ParallelListing(lister, new CloudListingRequest("", null, 100), 8, true, KeyOrder.Utf16, showsEveryFolder: true);
        var listed = listing.Read(CancellationToken.None).SelectMany(c => c.Page.Objects).Select(o => o.Key).ToList();

        Assert.Equal(lister.Keys, listed);
        var wholePrefix = lister.Received.Where(r => r.Request.Prefix == "" && r.Request.Delimiter is null).ToList();
        // The first page, the one-key probe of whether the store honours where a listing starts, and the gap that
        // holds folder-025.txt.
        Assert.Equal(3, wholePrefix.Count);
    }

    [Fact]
    public void Folders_a_one_level_listing_leaves_out_between_those_it_shows_are_listed_too()
    {
        // s3rver leaves b/ and d/ out (they hold only folders); they lie between the folders it shows.
        var keys = (from top in new[] { "a", "b", "c", "d", "e" } from n in Enumerable.Range(0, 40)
                    select top is "b" or "d" ? $"{top}/deep/{n:D3}.jpg" : $"{top}/{n:D3}.jpg").Append("b.jpg").Append("z.jpg").ToList();
        using var lister = new MemoryLister(keys, Distant with { HidesFoldersOfFolders = true });
        var (listed, _, notes) = List(lister, "", 10, 8);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Listed '' one level down after 'a/009.jpg': 3 folders", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_that_ignores_key_ranges_stops_the_splitting_and_loses_nothing()
    {
        var keys = Enumerable.Range(0, 3_000).Select(n => $"img-{n:D6}.jpg").ToList();
        using var lister = new MemoryLister(keys, Distant with { IgnoresRanges = true });
        var (listed, listing, notes) = List(lister, "", 100, 8);

        Assert.Equal(keys, listed.Order(StringComparer.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("The store ignored where a key range starts", StringComparison.Ordinal));
        Assert.True(listing.Splits <= 8, $"{listing.Splits} splits after the store showed it ignores ranges");
    }

    [Fact]
    public void A_store_whose_page_shows_another_key_order_is_listed_whole_without_more_splits()
    {
        // An S3-compatible store that sorts by UTF-16 code units: '😀' before U+FF01, where S3's UTF-8 order has it after.
        var keys = new[] { "a\U0001F600.jpg", "a\uFF01.jpg" }.Concat(Enumerable.Range(0, 3_000).Select(n => $"img-{n:D6}.jpg")).ToList();
        using var lister = new MemoryLister(keys, Distant with { Order = KeyOrder.Utf16 });
        var (listed, listing, notes) = List(lister, "", 100, 8);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, listed.Count);
        Assert.Contains(notes, n => n.StartsWith("The store listed 'a\uFF01.jpg' after 'a\U0001F600.jpg'", StringComparison.Ordinal) && n.Contains("not in the key order"));
        Assert.Equal(0, listing.Splits);
    }

    public static TheoryData<string> OtherOrders => new() { StoreOrder.CaseReversed.Name, StoreOrder.Permuted(1).Name, StoreOrder.Permuted(2).Name };

    [Theory]
    [MemberData(nameof(OtherOrders))]
    public void A_store_whose_first_page_shows_another_key_order_is_listed_whole_without_splits(string orderName)
    {
        // An S3-compatible store of its own order: lower case before upper case, or characters in another order.
        var order = orderName == StoreOrder.CaseReversed.Name ? StoreOrder.CaseReversed : StoreOrder.Permuted(orderName == StoreOrder.Permuted(1).Name ? 1 : 2);
        var keys = new[] { "aB.jpg", "ab.jpg", "Ab.jpg" }.Concat(Enumerable.Range(0, 3_000).Select(n => $"img-{n:D6}.jpg")).ToList();
        using var lister = new MemoryLister(keys, MemoryStore.SortingBy(order) with { Latency = Distant.Latency });
        var (listed, listing, notes) = List(lister, "", 100, 8);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, listed.Count);
        Assert.Contains(notes, n => n.StartsWith("The store listed '", StringComparison.Ordinal) && n.Contains("not in the key order the listing splits by"));
        Assert.Equal(0, listing.Splits);
    }

    [Fact]
    public void A_split_point_the_store_sorts_elsewhere_is_undone_and_nothing_is_lost_or_listed_twice()
    {
        // The store ranks characters by a permutation. Where its first pages look like our order, the listing splits,
        // and a point guessed in our order can land among keys a part has listed already: a probe shows it.
        int dropped = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed);
            var keys = Enumerable.Range(0, 200).Select(_ => $"x/y/img-{random.Next(1_000_000):D6}.jpg").Distinct().ToList();
            using var lister = new MemoryLister(keys, MemoryStore.SortingBy(StoreOrder.Permuted(2)));
            var (listed, _, notes) = List(lister, "", 1, 5);

            Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            if (notes.Any(n => n.StartsWith("Dropped the split after '", StringComparison.Ordinal) && n.Contains("a key listed already")))
                dropped++;
        }
        // About half of them did when this was written.
        Assert.True(dropped >= 5, $"{dropped} of 40 listings dropped a split");
    }

    [Fact]
    public void A_store_that_leaves_folders_out_of_one_level_listings_loses_nothing_either()
    {
        // stream-hollow: p/ and q/ hold only folders, which s3rver's one-level listings leave out.
        var keys = (from top in new[] { "p", "q" } from folder in Enumerable.Range(0, 10) from frame in Enumerable.Range(1, 15)
                    select $"{top}/f{folder}/{frame}.jpg").ToList();
        using var lister = new MemoryLister(keys, Distant with { HidesFoldersOfFolders = true });
        var (listed, _, _) = List(lister, "", 10, 8);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }
}
