using System.Diagnostics;
using EncordSpec.Storage;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Listing;

/// <summary>Three buckets per emulator, seeded once: a folder tree (the prefix's own objects around its folders,
/// subfolders, non-ASCII names), a skewed one (one folder holds most objects) and a flat one (no '/' at all). On Azure
/// and GCS the tree also holds objects that sort between folders ('f05.jpg' between 'f04/' and 'f05/') and names whose
/// UTF-16 and UTF-8 orders differ; s3rver loses both kinds when it resumes after a page.</summary>
public abstract class ParallelListingFixture : IAsyncLifetime
{
    protected ParallelListingFixture(string provider)
    {
        Provider = Enum.Parse<CloudProvider>(provider);
        string id = Guid.NewGuid().ToString("N").Substring(0, 8);
        Buckets = new Dictionary<string, string>
        {
            ["tree"] = $"par-tree-{id}", ["skewed"] = $"par-skew-{id}", ["flat"] = $"par-flat-{id}",
        };
    }

    public CloudProvider Provider { get; }
    public Dictionary<string, string> Buckets { get; }
    public Dictionary<string, IReadOnlyList<SeedObject>> Seeded { get; } = new();

    public async Task InitializeAsync()
    {
        var tree = SeedSets.Tree("").ToList();
        if (Provider != CloudProvider.S3)
            tree.AddRange(SeedSets.Named(new[] { "f05.jpg", "f05+x.jpg", "\U0001F600 folder/x.jpg", "\U0001F600 folder/y.jpg", "\U0001F600 own.jpg", "\uFF01 folder/x.jpg", "\uFF05 own.jpg" }));
        var layouts = new Dictionary<string, IReadOnlyList<SeedObject>>
        {
            ["tree"] = tree, ["skewed"] = SeedSets.Skewed(""), ["flat"] = SeedSets.Bulk("", 300),
        };
        foreach (var (layout, objects) in layouts)
            Seeded[layout] = await Seeder.SeedAsync(Provider.ToString(), Buckets[layout], objects);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class S3ParallelListingFixture() : ParallelListingFixture("S3");
public sealed class AzureParallelListingFixture() : ParallelListingFixture("Azure");
public sealed class GcsParallelListingFixture() : ParallelListingFixture("GCS");

/// <summary>A parallel listing against each emulator gives what a sequential listing gives: the same objects, each
/// once; with sorting the same sequence; in partitions that keep key order and keep each folder's objects together;
/// and it survives throttling through the SDKs' retry policies and ends cleanly on errors and when stopped.</summary>
public abstract class ParallelListingTests<TFixture> : IClassFixture<TFixture> where TFixture : ParallelListingFixture
{
    protected ParallelListingTests(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    protected IComparer<string> Order => KeyOrder.For(Fixture.Provider);

    private protected abstract CloudListerOptions Options(string bucket, string? endpoint = null);

    private protected abstract ICloudObjectLister CreateLister(CloudListerOptions options);

    protected abstract string Endpoint { get; }

    /// <summary>Whether <paramref name="task"/> ends within <paramref name="limit"/>.</summary>
    protected static async Task<bool> Settles(Task task, TimeSpan limit) =>
        await Task.WhenAny(task, Task.Delay(limit)) == task;

    protected List<string> Sequential(string layout, int pageSize)
    {
        using var lister = CreateLister(Options(Fixture.Buckets[layout]));
        return SequentialListing.Pages(lister, new CloudListingRequest("", null, pageSize), CancellationToken.None)
            .SelectMany(p => p.Objects).Select(o => o.Key).ToList();
    }

    private protected static List<ListingChunk> Parallel(ICloudObjectLister lister, int pageSize, int throttleLimit, bool sorted, IComparer<string> order,
        out ParallelListing listing)
    {
        listing = new ParallelListing(lister, new CloudListingRequest("", null, pageSize), throttleLimit, sorted, order);
        using (listing)
            return listing.Read(CancellationToken.None).ToList();
    }

    private List<ListingChunk> Parallel(string layout, int pageSize, int throttleLimit, bool sorted, out ParallelListing listing)
    {
        using var lister = CreateLister(Options(Fixture.Buckets[layout]));
        return Parallel(lister, pageSize, throttleLimit, sorted, Order, out listing);
    }

    private static List<string> KeysOf(IEnumerable<ListingChunk> chunks) => chunks.SelectMany(c => c.Page.Objects).Select(o => o.Key).ToList();

    /// <summary>Page sizes 10 and 7: where a page ends decides which folders the sorted merge sees beside which
    /// objects ('\U0001F600 own.jpg' sorts before '\uFF01 folder/' in UTF-16, after it in UTF-8).</summary>
    [Theory]
    [InlineData("tree", false, 10)]
    [InlineData("tree", true, 10)]
    [InlineData("tree", true, 7)]
    [InlineData("skewed", false, 10)]
    [InlineData("skewed", true, 10)]
    [InlineData("flat", false, 10)]
    [InlineData("flat", true, 10)]
    public void A_parallel_listing_holds_what_a_sequential_one_holds_and_sorted_the_same_sequence(string layout, bool sorted, int pageSize)
    {
        var sequential = Sequential(layout, pageSize);
        var chunks = Parallel(layout, pageSize, 4, sorted, out var listing);
        var parallel = KeysOf(chunks);

        Assert.Equal(Fixture.Seeded[layout].Select(o => o.Key).Order(StringComparer.Ordinal), sequential.Order(StringComparer.Ordinal));
        if (sorted)
            Assert.Equal(sequential, parallel);
        else
            Assert.Equal(sequential.Order(StringComparer.Ordinal), parallel.Order(StringComparer.Ordinal)); // each object exactly once
        // Key ranges split a flat prefix as well as a tree. The GCS emulator ignores startOffset and endOffset: the
        // listing sees that in the first answer to a split and splits no more (the in-memory tests cover that store).
        // How many splits come before that answer depends on timing (idle slots split while it is in flight), so the
        // test asserts the order of the notes, which tell what the listing did when: no split after it noticed.
        if (Fixture.Provider == CloudProvider.GCS)
        {
            var notes = chunks.Select(c => c.Note).OfType<string>().ToList();
            int noticed = notes.FindIndex(n => n.StartsWith("The store ignored where a key range starts", StringComparison.Ordinal));
            if (listing.Splits > 0)
                Assert.True(noticed >= 0, "splits were made, but the listing did not say the store ignored them");
            Assert.DoesNotContain(notes.Skip(noticed + 1), n => n.StartsWith("Split the keys", StringComparison.Ordinal));
            Assert.True(listing.Splits <= 8, $"{listing.Splits} splits on a store that ignores key ranges, with 4 requests at once");
        }
        else
            Assert.True(listing.Splits >= 2, $"{listing.Splits} splits: the listing should split into key ranges; it did: " +
                string.Join(" // ", chunks.Select(c => c.Note).OfType<string>().Where(n => !n.StartsWith("Listed '", StringComparison.Ordinal) || n.Contains("one level"))));
    }

    /// <summary>The contract streaming image groups rely on: (1) a partition's objects come in key order, (2) the
    /// objects directly in one folder all belong to one partition, or all to none (a folder two key ranges share),
    /// (3) each partition is marked complete once, after its last object.</summary>
    [Theory]
    [InlineData("tree", 7, false)]
    [InlineData("tree", 10, true)]
    [InlineData("skewed", 7, false)]
    [InlineData("skewed", 25, true)]
    public void Partitions_keep_key_order_and_every_folder_together(string layout, int pageSize, bool sorted)
    {
        var chunks = Parallel(layout, pageSize, 8, sorted, out _);

        ParallelListingPropertyTests.AssertPartitionsPromise(chunks, Order);
        Assert.Equal(Fixture.Seeded[layout].Count, chunks.Sum(c => c.Page.Objects.Count));
    }

    /// <summary>Failures per request the fake server answers before it lets a request through: more than each SDK
    /// retries by default where the wait stays short (S3 2 retries, GCS 2), so only the configured policy passes.</summary>
    protected abstract int ThrottlingFailures { get; }

    [Fact]
    public void Throttling_answers_are_retried_with_back_off_by_the_SDK()
    {
        using var proxy = FaultProxy.Throttling(Fixture.Provider, Endpoint, ThrottlingFailures);
        using var lister = CreateLister(Options(Fixture.Buckets["tree"], proxy.Url));
        var clock = Stopwatch.StartNew();
        var keys = KeysOf(Parallel(lister, 100, 8, false, Order, out var listing));

        Assert.Equal(Fixture.Seeded["tree"].Select(o => o.Key).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.True(listing.Requests > 3, $"{listing.Requests} requests");
        Assert.Equal(ThrottlingFailures * listing.Requests, proxy.Injected);
        Assert.Equal(ThrottlingFailures + 1, proxy.MostAttempts);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(0.5), $"no back-off: {clock.Elapsed}");
    }

    [Fact]
    public async Task A_refusal_while_other_requests_are_in_flight_ends_the_listing_with_that_error()
    {
        using var proxy = FaultProxy.DenyingAfter(Fixture.Provider, Endpoint, 2);
        using var lister = CreateLister(Options(Fixture.Buckets["tree"], proxy.Url));
        using var listing = new ParallelListing(lister, new CloudListingRequest("", null, 10), 8, false, Order);
        var error = Assert.Throws<CloudStorageException>(() => listing.Read(CancellationToken.None).ToList());
        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        listing.Dispose();
        Assert.True(await Settles(listing.Quiet, TimeSpan.FromSeconds(10)), "requests still in flight after the failure");
    }
}

public sealed class S3ParallelListingTests(S3ParallelListingFixture fixture) : ParallelListingTests<S3ParallelListingFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT");

    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.S3, bucket)
    {
        EndpointUrl = endpoint ?? Endpoint, Region = "us-east-1", AccessKey = EmulatorEndpoints.S3AccessKey, SecretKey = EmulatorEndpoints.S3SecretKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new S3ObjectLister(options);

    protected override int ThrottlingFailures => 3;

    /// <summary>Select-Object -First and Ctrl+C end the enumeration; the requests in flight must end with it, not
    /// when the store answers, and no new request may start.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Leaving_early_cancels_the_requests_in_flight(bool byCancellation)
    {
        var hold = TimeSpan.FromSeconds(4);
        using var proxy = FaultProxy.Slow(Endpoint, hold);
        using var lister = CreateLister(Options(Fixture.Buckets["tree"], proxy.Url));
        using var cancel = new CancellationTokenSource();
        var listing = new ParallelListing(lister, new CloudListingRequest("", null, 10), 8, false, Order);
        var clock = Stopwatch.StartNew();
        using (var chunks = listing.Read(cancel.Token).GetEnumerator())
        {
            Assert.True(chunks.MoveNext()); // the first page, after one hold; the parts it found are listed now
            if (byCancellation)
            {
                cancel.CancelAfter(300); // Ctrl+C while the pipeline waits for the next page
                Assert.Throws<OperationCanceledException>(() => { while (chunks.MoveNext()) { } });
            }
            else
            {
                Thread.Sleep(300); // then Select-Object -First has enough
            }
        }
        listing.Dispose();
        int requestsAtStop = proxy.Requests;
        Assert.True(requestsAtStop > 1, "the listing should have more requests in flight");
        Assert.True(await Settles(listing.Quiet, TimeSpan.FromSeconds(2)), "requests in flight were not cancelled");
        Assert.True(clock.Elapsed < hold + hold, $"stopping waited for the store: {clock.Elapsed}");
        Thread.Sleep(500);
        Assert.Equal(requestsAtStop, proxy.Requests);
    }
}

public sealed class AzureParallelListingTests(AzureParallelListingFixture fixture) : ParallelListingTests<AzureParallelListingFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT");

    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.Azure, bucket)
    {
        EndpointUrl = endpoint ?? Endpoint, StorageAccountName = EmulatorEndpoints.AzureAccount, StorageAccountKey = EmulatorEndpoints.AzureAccountKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new AzureBlobLister(options);

    // Azure retries 5 times by default, 0.8 s doubling: more failures than that would take half a minute.
    protected override int ThrottlingFailures => 2;
}

public sealed class GcsParallelListingTests(GcsParallelListingFixture fixture) : ParallelListingTests<GcsParallelListingFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT");

    private protected override CloudListerOptions Options(string bucket, string? endpoint = null) => new(CloudProvider.GCS, bucket)
    {
        EndpointUrl = endpoint ?? Endpoint,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new GcsObjectLister(options);

    protected override int ThrottlingFailures => 3;
}
