using System.Diagnostics;

namespace EncordSpec.Tests.Listing;

/// <summary>What the listing's own retries do with a lister that fails on cue (the emulator tests in
/// Storage/ListingFaultTests inject the real faults): which failures are tried again, how often, and that Ctrl+C is
/// never mistaken for a time-out.</summary>
public sealed class RetryingListerTests
{
    private static readonly CloudListingRequest Request = new("", null, 10);

    private static CloudListerOptions Options(double timeoutSeconds = 5, int retries = 3) => new(CloudProvider.S3, "b")
    {
        RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds), TransientRetries = retries, FirstRetryDelay = TimeSpan.FromMilliseconds(10),
    };

    /// <summary>Fails its first <see cref="Failures"/> calls with the given error (or hangs until cancelled when it is null), then answers one page.</summary>
    private sealed class FailingLister(Exception? error, int failures) : ICloudObjectLister
    {
        public int Calls;
        public int Failures => failures;

        public Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken) => Task.FromResult(new CloudBucketLocation(null, null));

        public async Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Calls) <= failures)
            {
                if (error is null)
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                throw error!;
            }
            return new CloudListingPage(new[] { new CloudObject(CloudProvider.S3, "b", "k") }, Array.Empty<string>(), null);
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task An_unreadable_page_is_asked_for_again_until_it_reads()
    {
        var inner = new FailingLister(new CloudStorageException(CloudErrorKind.Failed, "cut short") { IsTransient = true }, 3);
        using var lister = new RetryingLister(inner, Options());

        var page = await lister.ListPageAsync(Request, null, CancellationToken.None);

        Assert.Equal("k", Assert.Single(page.Objects).Key);
        Assert.Equal(4, inner.Calls);
        Assert.Equal(3, lister.Retries);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_asked_again()
    {
        var inner = new FailingLister(new CloudStorageException(CloudErrorKind.AccessDenied, "refused"), 1);
        using var lister = new RetryingLister(inner, Options());

        var error = await Assert.ThrowsAsync<CloudStorageException>(() => lister.ListPageAsync(Request, null, CancellationToken.None));

        Assert.Equal(CloudErrorKind.AccessDenied, error.Kind);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(0, lister.Retries);
    }

    [Fact]
    public async Task A_request_that_never_ends_is_cut_at_the_time_out_and_after_the_retries_says_so()
    {
        var inner = new FailingLister(null, int.MaxValue);
        using var lister = new RetryingLister(inner, Options(timeoutSeconds: 0.2, retries: 2));

        var error = await Assert.ThrowsAsync<CloudStorageException>(() => lister.ListPageAsync(Request, null, CancellationToken.None));

        Assert.Equal(CloudErrorKind.EndpointUnreachable, error.Kind);
        Assert.Equal("the store did not answer a list request within 0.2 s (-TimeoutSec), 3 times in a row", error.Message);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Ctrl_C_while_a_request_hangs_is_a_cancellation_at_once_not_a_time_out_to_retry()
    {
        var inner = new FailingLister(null, int.MaxValue);
        using var lister = new RetryingLister(inner, Options(timeoutSeconds: 30));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lister.ListPageAsync(Request, null, stop.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, inner.Calls);
        Assert.Equal(0, lister.Retries);
    }
}
