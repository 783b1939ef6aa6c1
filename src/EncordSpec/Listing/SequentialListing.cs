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
        var guard = new PageGuard();
        try
        {
            while (true)
            {
                var page = Wait(next, cancellationToken);
                next = null;
                if (page.ContinuationToken is null)
                {
                    yield return page;
                    yield break;
                }
                guard.Check(request, page);
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

    /// <summary>The pages as one <see cref="ListingPartition"/> for the pipeline, each with a note for -Verbose. With
    /// <see cref="CloudListingRequest.StartAfter"/>, objects up to it are dropped in the store's key
    /// <paramref name="order"/>: Azure's startFrom and GCS's startOffset include the key itself, and some stores
    /// (the GCS emulator) ignore it.</summary>
    public static IEnumerable<ListingChunk> Chunks(ICloudObjectLister lister, CloudListingRequest request, CancellationToken cancellationToken,
        IComparer<string>? order = null)
    {
        var partition = new ListingPartition(request.Prefix);
        int pageNumber = 0;
        foreach (var listed in Pages(lister, request, cancellationToken))
        {
            var page = request.StartAfter is { } after && order is not null ? AfterStart(listed, after, order) : listed;
            yield return new ListingChunk(page, partition, page.ContinuationToken is null,
                $"Page {++pageNumber}: {page.Objects.Count} objects, {page.Prefixes.Count} prefixes.");
        }
    }

    private static CloudListingPage AfterStart(CloudListingPage page, string after, IComparer<string> order)
    {
        int start = 0;
        while (start < page.Objects.Count && order.Compare(page.Objects[start].Key, after) <= 0)
            start++;
        if (start == 0)
            return page;
        var kept = new List<CloudObject>(page.Objects.Count - start);
        for (int i = start; i < page.Objects.Count; i++)
            kept.Add(page.Objects[i]);
        return page with { Objects = kept };
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
