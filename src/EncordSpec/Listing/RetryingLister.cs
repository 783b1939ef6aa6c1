using System;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Every list request a listing sends, sequential or parallel: bounded in time by
/// <see cref="CloudListerOptions.RequestTimeout"/> (the same on every provider: left to themselves the SDKs waited
/// 100 s to 10 minutes and only some retried), and tried again when it timed out or its answer could not be read as a
/// page (cut short, malformed), as the transient faults they usually are. Throttling, 5xx answers and connection
/// resets are the SDKs' own retry policies' to retry, within the same time bound; when they outlast those retries
/// the lister marks them transient and they are tried again here too. A request that still fails ends the listing
/// with the last error.</summary>
internal sealed class RetryingLister : ICloudObjectLister
{
    private readonly ICloudObjectLister inner;
    private readonly CloudListerOptions options;
    private int retries;

    public RetryingLister(ICloudObjectLister inner, CloudListerOptions options)
    {
        this.inner = inner;
        this.options = options;
    }

    /// <summary>Requests tried again so far (time-outs and unreadable answers; the SDKs' own retries are not counted).</summary>
    public int Retries => Volatile.Read(ref retries);

    public Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken) =>
        WithRetriesAsync(token => inner.LocateAsync(token), "a request for the bucket's location", cancellationToken);

    public Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken) =>
        WithRetriesAsync(token => inner.ListPageAsync(request, continuationToken, token), "a list request", cancellationToken);

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> send, string what, CancellationToken cancellationToken)
    {
        var delay = options.FirstRetryDelay;
        for (int attempt = 1; ; attempt++)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.RequestTimeout);
            Exception failure;
            try
            {
                // Whatever the SDK throws once the deadline fired (a cancellation, an I/O error of the aborted read) is the time-out.
                return await send(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = new CloudStorageException(CloudErrorKind.EndpointUnreachable,
                    $"the store did not answer {what} within {options.RequestTimeout.TotalSeconds:0.###} s (-TimeoutSec), {attempt} time{(attempt == 1 ? "" : "s")} in a row");
            }
            catch (CloudStorageException e) when (e.IsTransient)
            {
                failure = attempt == 1 ? e : new CloudStorageException(e.Kind, $"{e.Message.TrimEnd('.')} ({attempt} times in a row)");
            }
            if (attempt > options.TransientRetries)
                throw failure;
            Interlocked.Increment(ref retries);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    public void Dispose() => inner.Dispose();
}
