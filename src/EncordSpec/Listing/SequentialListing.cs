using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Lists page after page for a pipeline thread: the next page is already being fetched while the caller
/// emits the current one, and leaving the loop early (Select-Object -First, Ctrl+C) cancels the request in flight.
/// Waiting honours the token at once even when an SDK call is slow to notice it.</summary>
internal static class SequentialListing
{
    public static IEnumerable<CloudListingPage> Pages(ICloudObjectLister lister, CloudListingRequest request, CancellationToken cancellationToken)
    {
        using var inFlight = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = lister.ListPageAsync(request, null, inFlight.Token);
        // A store that hands out a token it gave before would have the loop list the same pages forever.
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        long objectsListed = 0;
        try
        {
            while (true)
            {
                var page = Wait(next, cancellationToken);
                objectsListed += page.Objects.Count;
                if (page.ContinuationToken is null)
                {
                    next = null;
                    yield return page;
                    yield break;
                }
                if (!tokensSeen.Add(page.ContinuationToken))
                {
                    next = null;
                    throw new CloudStorageException(CloudErrorKind.Failed,
                        $"the store answered page {tokensSeen.Count + 1:N0} with a continuation token it had already given, so listing on " +
                        $"would repeat the same pages forever; {objectsListed - page.Objects.Count:N0} objects were listed before it");
                }
                next = lister.ListPageAsync(request, page.ContinuationToken, inFlight.Token);
                yield return page;
            }
        }
        finally
        {
            if (next is not null)
            {
                inFlight.Cancel();
                Observe(next);
            }
        }
    }

    /// <summary>The pages as one <see cref="ListingPartition"/> for the pipeline, each with a note for -Verbose.</summary>
    public static IEnumerable<ListingChunk> Chunks(ICloudObjectLister lister, CloudListingRequest request, CancellationToken cancellationToken)
    {
        var partition = new ListingPartition(request.Prefix);
        int pageNumber = 0;
        foreach (var page in Pages(lister, request, cancellationToken))
        {
            yield return new ListingChunk(page, partition, page.ContinuationToken is null,
                $"Page {++pageNumber}: {page.Objects.Count} objects, {page.Prefixes.Count} prefixes.");
        }
    }

    /// <summary>The task's result, its own exception rethrown as is, or OperationCanceledException once the token fires.</summary>
    public static T Wait<T>(Task<T> task, CancellationToken cancellationToken)
    {
        // Task.Wait returns a task that has already finished without looking at the token: a page fetched ahead
        // must not outrun a cancellation that came first.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            task.Wait(cancellationToken);
        }
        catch (AggregateException)
        {
            // Rethrown unwrapped below.
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>A request abandoned while in flight must not surface later as an unobserved task exception.</summary>
    public static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
