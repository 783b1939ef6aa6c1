using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace EncordSpec.Listing;

// The caller's side of the parallel listing: its two read modes (pages as they arrive, or part after part in key
// order), which take what the workers queued, under the lock, waiting while the next page is being fetched.
internal sealed partial class ParallelListing
{
    /// <summary>The listing's chunks, for one caller thread; blocks while the next chunk is being fetched. A listing
    /// failure is thrown as the lister threw it; the token's cancellation as OperationCanceledException.</summary>
    public IEnumerable<ListingChunk> Read(CancellationToken cancellationToken)
    {
        using var wake = cancellationToken.Register(Wake);
        lock (gate)
            Schedule();
        var chunks = sorted ? ReadInOrder(cancellationToken) : ReadAsListed(cancellationToken);
        foreach (var chunk in chunks)
            yield return chunk;
    }

    /// <summary>Pages as they arrive, whichever part they come from.</summary>
    private IEnumerable<ListingChunk> ReadAsListed(CancellationToken cancellationToken)
    {
        while (TakeAny(cancellationToken) is { } page)
            foreach (var chunk in WithNotes(page))
                yield return chunk;
    }

    /// <summary>Part after part in key order, each page after page: the order of a sequential listing.</summary>
    private IEnumerable<ListingChunk> ReadInOrder(CancellationToken cancellationToken)
    {
        RangePart? part;
        lock (gate)
            part = parts[0];
        while (part is not null)
        {
            while (Take(part, cancellationToken) is { } page)
                foreach (var chunk in WithNotes(page))
                    yield return chunk;
            lock (gate)
            {
                int next = parts.IndexOf(part) + 1;
                part = next < parts.Count ? parts[next] : null;
            }
        }
    }

    /// <summary>What the listing did since the last page (splits), for -Verbose, then the page's chunks.</summary>
    private IEnumerable<ListingChunk> WithNotes(ListedPage page)
    {
        while (true)
        {
            string? note;
            lock (gate)
                note = notes.Count > 0 ? notes.Dequeue() : null;
            if (note is null)
                break;
            yield return new ListingChunk(EmptyPage, null, false, note);
        }
        foreach (var chunk in page.Chunks)
            yield return chunk;
    }

    /// <summary>The next page listed by any part, waiting for it; null once every part is done.</summary>
    private ListedPage? TakeAny(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            while (true)
            {
                ThrowIfEnded(cancellationToken);
                if (ready.Count > 0)
                    return Taken(ready.Dequeue());
                if (openParts == 0 && inFlight == 0)
                    return null;
                Monitor.Wait(gate);
            }
        }
    }

    /// <summary>The part's next page, waiting for it; null once the part is done.</summary>
    private ListedPage? Take(RangePart part, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            while (true)
            {
                ThrowIfEnded(cancellationToken);
                if (part.Pages.Count > 0)
                {
                    if (needed == part)
                        needed = null;
                    return Taken(part.Pages.Dequeue());
                }
                if (part.State == PartState.Done)
                {
                    if (needed == part)
                        needed = null;
                    return null;
                }
                if (needed != part)
                {
                    needed = part;
                    Schedule();
                }
                Monitor.Wait(gate);
            }
        }
    }

    private ListedPage Taken(ListedPage page)
    {
        bufferedPages--;
        page.Part.BufferedPages--;
        resume.Taken(page);
        Schedule();
        return page;
    }

    private void ThrowIfEnded(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
            ExceptionDispatchInfo.Capture(failure).Throw();
        if (stopped)
            throw new ObjectDisposedException(nameof(ParallelListing));
    }

    private void Wake()
    {
        lock (gate)
            Monitor.PulseAll(gate);
    }
}
