using System.Diagnostics;
using EncordSpec.Storage;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Storage;

/// <summary>A flat bucket of 240 objects per emulator, listed 25 to a page (10 pages).</summary>
public abstract class ListingFaultFixture : IAsyncLifetime
{
    protected ListingFaultFixture(string provider)
    {
        Provider = Enum.Parse<CloudProvider>(provider);
        Bucket = $"faults-{provider.ToLowerInvariant()}-{Guid.NewGuid():N}".Substring(0, 24);
    }

    public CloudProvider Provider { get; }
    public string Bucket { get; }
    public IReadOnlyList<string> Keys { get; private set; } = Array.Empty<string>();

    public async Task InitializeAsync() =>
        Keys = (await Seeder.SeedAsync(Provider.ToString(), Bucket, SeedSets.Bulk("", 240))).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class S3ListingFaultFixture() : ListingFaultFixture("S3");
public sealed class AzureListingFaultFixture() : ListingFaultFixture("Azure");
public sealed class GcsListingFaultFixture() : ListingFaultFixture("GCS");

/// <summary>Each fault the fault proxy injects between an SDK and its emulator, halfway through a listing, sequential
/// (ThrottleLimit 1) and parallel: a transient one is retried and the listing holds every seeded object exactly once;
/// one that outlasts the retries ends the listing with one error, and a listing resumed after the key the listing
/// names misses nothing.</summary>
public abstract class ListingFaultTests<TFixture> : IClassFixture<TFixture> where TFixture : ListingFaultFixture
{
    private const int PageSize = 25;

    protected ListingFaultTests(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    protected abstract string Endpoint { get; }

    private protected abstract CloudListerOptions Options(string endpoint);

    private protected abstract ICloudObjectLister CreateLister(CloudListerOptions options);

    /// <summary>Short time-outs and retry delays keep the tests quick.</summary>
    private RetryingLister Lister(FaultProxy proxy, double timeoutSeconds = 2, int retries = 3, int? sdkRetries = null)
    {
        var options = Options(proxy.Url);
        options.SdkRetries = sdkRetries;
        options.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds);
        options.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        options.TransientRetries = retries;
        return new RetryingLister(CreateLister(options), options);
    }

    private List<string> List(ICloudObjectLister lister, int throttleLimit, List<string>? listed = null, string? startAfter = null)
    {
        listed ??= new List<string>();
        var request = new CloudListingRequest("", null, PageSize) { StartAfter = startAfter };
        var order = KeyOrder.For(Fixture.Provider);
        if (throttleLimit == 1)
        {
            foreach (var chunk in SequentialListing.Chunks(lister, request, CancellationToken.None, order))
                listed.AddRange(chunk.Page.Objects.Select(o => o.Key));
            return listed;
        }
        using var parallel = new ParallelListing(lister, request, throttleLimit, sorted: false, order);
        try
        {
            foreach (var chunk in parallel.Read(CancellationToken.None))
                listed.AddRange(chunk.Page.Objects.Select(o => o.Key));
        }
        catch (CloudStorageException e)
        {
            throw new ResumableFailure(e, parallel.ResumeAfter);
        }
        return listed;
    }

    /// <summary>A parallel listing's failure with the key its resume point names.</summary>
    private sealed class ResumableFailure(CloudStorageException failure, string? resumeAfter) : Exception(failure.Message, failure)
    {
        public CloudStorageException Failure => failure;
        public string? ResumeAfter => resumeAfter;
    }

    public static TheoryData<ProxyFault, int, int> TransientFaults()
    {
        var data = new TheoryData<ProxyFault, int, int>();
        foreach (int throttleLimit in new[] { 1, 4 })
        {
            data.Add(ProxyFault.Throttle, 2, throttleLimit);
            data.Add(ProxyFault.ServerError, 2, throttleLimit);
            data.Add(ProxyFault.ResetMidBody, 1, throttleLimit);
            data.Add(ProxyFault.TruncatedBody, 1, throttleLimit);
            data.Add(ProxyFault.MalformedBody, 1, throttleLimit);
            data.Add(ProxyFault.StallAfterHeaders, 1, throttleLimit);
            data.Add(ProxyFault.StallSilent, 1, throttleLimit);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public void A_transient_fault_halfway_is_retried_and_every_object_is_listed_exactly_once(ProxyFault fault, int count, int throttleLimit)
    {
        using var proxy = FaultProxy.Forwarding(Fixture.Provider, Endpoint);
        using var lister = Lister(proxy);
        proxy.Inject(fault, count, afterGood: 3);

        var listed = List(lister, throttleLimit);

        Assert.Equal(Fixture.Keys, listed.Order(StringComparer.Ordinal)); // each once: duplicates would not compare equal
        Assert.Equal(count, proxy.InjectedOf(fault));
        Assert.True(proxy.Requests > count + 3, $"{proxy.Requests} requests");
        if (fault is ProxyFault.StallAfterHeaders or ProxyFault.StallSilent or ProxyFault.TruncatedBody or ProxyFault.MalformedBody)
            Assert.True(lister.Retries >= 1, $"the listing's own retries: {lister.Retries}");
    }

    /// <summary>Throttling that outlasts the retries (-MaximumRetryCount 1: the SDK tries the request twice, and the
    /// listing does that once more) ends the listing with the store's answer, as a refusal does.</summary>
    [Theory]
    [InlineData(ProxyFault.Deny, 1)]
    [InlineData(ProxyFault.Deny, 4)]
    [InlineData(ProxyFault.Throttle, 1)]
    [InlineData(ProxyFault.Throttle, 4)]
    public void A_refusal_or_throttling_past_the_retries_halfway_ends_the_listing_and_a_listing_resumed_where_it_says_misses_nothing(ProxyFault fault, int throttleLimit)
    {
        const int maximumRetryCount = 1;
        using var proxy = FaultProxy.Forwarding(Fixture.Provider, Endpoint);
        // A time-out well past the SDK's back-off (about 1 s), so the throttling, not the clock, ends the request.
        using var lister = Lister(proxy, timeoutSeconds: 20, retries: maximumRetryCount, sdkRetries: maximumRetryCount);
        proxy.Inject(fault, int.MaxValue, afterGood: 4);
        var first = new List<string>();
        var (kind, said) = fault == ProxyFault.Deny ? (CloudErrorKind.AccessDenied, "HTTP 403")
            : (CloudErrorKind.Failed, Fixture.Provider == CloudProvider.GCS ? "HTTP 429" : "HTTP 503");
        string? resumeAfter;
        try
        {
            List(lister, throttleLimit, first);
            throw new Xunit.Sdk.XunitException("the listing should fail");
        }
        catch (CloudStorageException e) when (throttleLimit == 1)
        {
            Assert.Equal(kind, e.Kind);
            Assert.Contains(said, e.Message);
            resumeAfter = first.Last(); // sequential: in key order, everything up to the last key came
        }
        catch (ResumableFailure e)
        {
            Assert.Equal(kind, e.Failure.Kind);
            Assert.Contains(said, e.Failure.Message);
            resumeAfter = e.ResumeAfter;
        }
        if (fault == ProxyFault.Throttle && throttleLimit == 1)
        {
            Assert.Equal(1, lister.Retries);
            Assert.Equal(2 * 2, proxy.InjectedOf(ProxyFault.Throttle)); // one request: twice by the SDK, twice again by the listing
        }
        if (throttleLimit == 1)
            Assert.NotEmpty(first); // in parallel the failure may come before any page was taken: then it starts over
        Assert.True(first.Count < Fixture.Keys.Count, $"{first.Count} listed before the refusal");

        proxy.Heal();
        var second = List(lister, throttleLimit, startAfter: resumeAfter);

        Assert.Equal(Fixture.Keys, first.Union(second).Order(StringComparer.Ordinal));
        Assert.All(second, k => Assert.True(resumeAfter is null || StringComparer.Ordinal.Compare(k, resumeAfter) > 0, k));
        if (throttleLimit == 1)
            Assert.Equal(Fixture.Keys.Count, first.Count + second.Count); // nothing twice
        Assert.Equal(first.Count(k => resumeAfter is not null && StringComparer.Ordinal.Compare(k, resumeAfter) <= 0),
            Fixture.Keys.Count(k => resumeAfter is not null && StringComparer.Ordinal.Compare(k, resumeAfter) <= 0)); // all up to it came in run 1
    }

    [Theory]
    [InlineData(ProxyFault.StallSilent)]
    [InlineData(ProxyFault.StallAfterHeaders)]
    [InlineData(ProxyFault.MalformedBody)]
    public void A_fault_repeated_past_the_retries_ends_the_listing_with_the_last_error(ProxyFault fault)
    {
        using var proxy = FaultProxy.Forwarding(Fixture.Provider, Endpoint);
        // Long enough that a good request on a loaded machine is not cut (it would count as a retry too), and a
        // malformed page is told from a time-out.
        double timeoutSeconds = fault == ProxyFault.MalformedBody ? 10 : 2;
        using var lister = Lister(proxy, timeoutSeconds, retries: 2);
        proxy.Inject(fault, int.MaxValue, afterGood: 2);
        var listed = new List<string>();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<CloudStorageException>(() => List(lister, 1, listed));

        Assert.Equal(2 * PageSize, listed.Count);
        Assert.Equal(2, lister.Retries);
        Assert.Contains("3 times in a row", error.Message);
        if (fault == ProxyFault.MalformedBody)
            Assert.Contains("could not be read", error.Message);
        else
            Assert.Contains("did not answer a list request within 2 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    /// <summary>With the default retries, whose back-off (Azure 0.8 s, GCS 1 s, doubling) would outgrow the request's
    /// time: each SDK retries only as often as fits in half of it, so throttling that lasts ends with the store's own
    /// answer, tried again by the listing, not with a time-out that blames the network (what it said before).</summary>
    [Fact]
    public void Throttling_that_outlasts_the_default_retries_ends_with_the_stores_answer_not_a_time_out()
    {
        if (Fixture.Provider == CloudProvider.S3)
            return; // S3's back-off (full jitter, 20 s at most) is not cut to fit: AWS_MAX_ATTEMPTS stays the user's
        using var proxy = FaultProxy.Forwarding(Fixture.Provider, Endpoint);
        using var lister = Lister(proxy, timeoutSeconds: 4);
        proxy.Inject(ProxyFault.Throttle, int.MaxValue, afterGood: 2);
        var listed = new List<string>();

        var error = Assert.Throws<CloudStorageException>(() => List(lister, 1, listed));

        Assert.Equal(2 * PageSize, listed.Count);
        Assert.Equal(CloudErrorKind.Failed, error.Kind);
        Assert.Contains(Fixture.Provider == CloudProvider.GCS ? "HTTP 429" : "HTTP 503", error.Message);
        Assert.Contains("(4 times in a row)", error.Message);
        Assert.Equal(3, lister.Retries);
        Assert.True(proxy.InjectedOf(ProxyFault.Throttle) > 4, $"{proxy.InjectedOf(ProxyFault.Throttle)} throttled: the SDK retried too");
    }

    /// <summary>The page checks of the sequential loop hold in a parallel listing too.</summary>
    [Fact]
    public void A_repeated_continuation_token_ends_a_parallel_listing_too()
    {
        if (Fixture.Provider != CloudProvider.S3)
            return; // the fake page is an S3 answer
        using var server = FaultServer.Answering(200, "OK", "application/xml", FaultServer.TruncatedS3Page("<NextContinuationToken>the-same-token</NextContinuationToken>"));
        using var lister = CreateLister(Options(server.Url));
        using var parallel = new ParallelListing(lister, new CloudListingRequest("", null, 2), 4, false, KeyOrder.For(CloudProvider.S3));
        var error = Assert.Throws<CloudStorageException>(() => parallel.Read(CancellationToken.None).ToList());
        Assert.Contains("continuation token it had already given", error.Message);
    }

    [Fact]
    public void A_truncated_page_without_a_token_ends_a_parallel_listing_too()
    {
        if (Fixture.Provider != CloudProvider.S3)
            return;
        using var server = FaultServer.Answering(200, "OK", "application/xml", FaultServer.TruncatedS3Page(""));
        using var lister = CreateLister(Options(server.Url));
        using var parallel = new ParallelListing(lister, new CloudListingRequest("", null, 2), 4, false, KeyOrder.For(CloudProvider.S3));
        var error = Assert.Throws<CloudStorageException>(() => parallel.Read(CancellationToken.None).ToList());
        Assert.Contains("truncated", error.Message);
        Assert.Contains("no continuation token", error.Message);
    }
}

public sealed class S3ListingFaultTests(S3ListingFaultFixture fixture) : ListingFaultTests<S3ListingFaultFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT");

    private protected override CloudListerOptions Options(string endpoint) => new(CloudProvider.S3, Fixture.Bucket)
    {
        EndpointUrl = endpoint, Region = "us-east-1", AccessKey = EmulatorEndpoints.S3AccessKey, SecretKey = EmulatorEndpoints.S3SecretKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new S3ObjectLister(options);
}

public sealed class AzureListingFaultTests(AzureListingFaultFixture fixture) : ListingFaultTests<AzureListingFaultFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT");

    private protected override CloudListerOptions Options(string endpoint) => new(CloudProvider.Azure, Fixture.Bucket)
    {
        EndpointUrl = endpoint, StorageAccountName = EmulatorEndpoints.AzureAccount, StorageAccountKey = EmulatorEndpoints.AzureAccountKey,
    };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new AzureBlobLister(options);
}

public sealed class GcsListingFaultTests(GcsListingFaultFixture fixture) : ListingFaultTests<GcsListingFaultFixture>(fixture)
{
    protected override string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.Gcs, "ENCORDSPEC_GCS_ENDPOINT");

    private protected override CloudListerOptions Options(string endpoint) => new(CloudProvider.GCS, Fixture.Bucket) { EndpointUrl = endpoint };

    private protected override ICloudObjectLister CreateLister(CloudListerOptions options) => new GcsObjectLister(options);
}
