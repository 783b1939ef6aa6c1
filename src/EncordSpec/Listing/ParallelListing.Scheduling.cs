using System;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

// The workers' side of the parallel listing: which part the next request is for, sending it, and taking its answer
// (or its error, which ends the whole listing) back under the lock.
internal sealed partial class ParallelListing
{
    /// <summary>Starts requests while fewer than ThrottleLimit are in flight: probes first (ParallelListing.Probes.cs),
    /// then for the part the pipeline waits for,
    /// else for the earliest part in key order with room for another page, else for a part split off the one with the
    /// most keys ahead, while the page budget allows. Under the lock.</summary>
    private void Schedule()
    {
        if (stopped || failure is not null)
            return;
        while (inFlight < throttleLimit)
        {
            if (probes.Count > 0)
            {
                Send(probes.Dequeue());
                continue;
            }
            if (NextToList() is { } part)
            {
                Begin(part);
                continue;
            }
            if (rangesIgnored || keysOutOfOrder || bufferedPages + inFlight >= pageBudget || planner.Next(parts) is not { } split)
                break;
            Split(split.Part, split.Point);
        }
    }

    /// <summary>The part the pipeline waits for, whatever the budget (it holds no page then, so memory stays
    /// bounded), or while it waits for a split of it to be checked, the part split off it; else the earliest part in
    /// key order that has room for another page. A part waiting for its split sends nothing.</summary>
    private RangePart? NextToList()
    {
        var wanted = needed?.SplitOff ?? needed;
        if (wanted is { State: PartState.Waiting or PartState.Idle, BufferedPages: 0 })
            return wanted;
        if (bufferedPages + inFlight >= pageBudget)
            return null;
        foreach (var part in parts)
            if (part.State is PartState.Waiting or PartState.Idle && part.BufferedPages < PagesPerPart && part.SplitOff is null)
                return part;
        return null;
    }

    private void Begin(RangePart part)
    {
        part.Narrow(); // a part that has reached its folder asks for that folder only from now on
        part.State = PartState.Fetching;
        inFlight++;
        Requests++;
        int pageSize = part.PagesListed == 0 && part.FirstPageSize is { } first ? first : request.PageSize;
        if (part.ContinuationToken is null)
            part.ChainStart = part.Position ?? part.Range.After; // a part that narrowed goes on from where it was
        var pageRequest = new CloudListingRequest(part.Prefix, part.IsLevel ? FolderPlan.Delimiter : null, pageSize)
        {
            StartAfter = part.ChainStart,
            // A store that honours the end (GCS) would stop at the folder's name, before its keys; and while a
            // split is unconfirmed the part's end is not known (the split may be undone).
            UpTo = part.Range.ThroughFolder || part.SplitOff is not null ? null : part.Range.UpTo,
        };
        string? token = part.ContinuationToken;
        _ = Task.Run(() => ListPageAsync(part, pageRequest, token));
    }

    private async Task ListPageAsync(RangePart part, CloudListingRequest pageRequest, string? continuationToken)
    {
        CloudListingPage page;
        try
        {
            page = await lister.ListPageAsync(pageRequest, continuationToken, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Ended(null, e);
            return;
        }
        Ended(() => Accept(part, page), null);
    }

    /// <summary>A request ended: what it brought is taken in by <paramref name="accept"/>, or its error ends the
    /// whole listing (the first error only; the other requests are cancelled and their errors dropped).</summary>
    private void Ended(Action? accept, Exception? error)
    {
        bool cancelOthers = false;
        lock (gate)
        {
            inFlight--;
            if (!stopped && failure is null)
            {
                try
                {
                    if (error is null)
                    {
                        accept!();
                        Schedule();
                    }
                }
                catch (Exception e)
                {
                    error = e; // a bug of ours must end the listing, not leave the reader waiting
                }
                if (error is not null)
                {
                    failure = error;
                    cancelOthers = true;
                }
            }
            if (stopped && inFlight == 0)
                quiet.TrySetResult(true);
            Monitor.PulseAll(gate);
        }
        if (cancelOthers)
            stop.Cancel();
    }
}
