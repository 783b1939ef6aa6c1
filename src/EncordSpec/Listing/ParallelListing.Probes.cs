using System;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

// Asking the store instead of trusting our guess of its key order (KeyOrder): whether it honours where a listing
// starts, and whether a split point really lies between the parts around it. An
// S3-compatible store may sort keys otherwise (lower case first, say); a split point is then a guess in the wrong
// order, and only the store can tell where it falls. Each probe is one request for one key, within ThrottleLimit.
internal sealed partial class ParallelListing
{
    /// <summary>Asks for the first key after one just past <paramref name="firstKey"/>, the first key the listing
    /// got: a store that ignores where a listing starts lists it again. Until the answer the folders are not planned,
    /// so every part after the first cuts its start by the right rule (<see cref="PageCut"/>).</summary>
    private void CheckStart(string firstKey)
    {
        string after = firstKey + "!";
        Probe(request.Prefix, after, found =>
        {
            if (found == firstKey)
                IgnoredStart(after, found);
            startChecked = true;
            PlanFoldersOnceStartChecked();
        });
    }

    /// <summary>Plans the folders once both the one-level page and the start probe are back.</summary>
    private void PlanFoldersOnceStartChecked()
    {
        if (startChecked && level is { HeldPages.Count: > 0 })
            PlanFolders(level, level.HeldPages.Dequeue());
    }

    /// <summary>Asks the store, as the split is made, whether its point lies where our order put it: after the last
    /// key the part it splits had listed (else that part has listed the new part's first keys already), and before
    /// where the new part ends (else it would list what the next part lists). One key each, sent beside the new
    /// part's first request: under the position's name after the point (the position itself comes back if it lies
    /// after the point), and under the end's name after the point (nothing comes back if the end lies before it).</summary>
    private void CheckSplitPoint(RangePart part)
    {
        string point = part.Range.After!;
        string position = part.SplitFrom!.Position!; // it sends no request, so stays there, until the split is settled
        var range = part.Range;
        string? end = range.Before ?? (range.ThroughFolder && !point.StartsWith(range.UpTo!, StringComparison.Ordinal) ? range.UpTo : null);
        part.ProbesUnanswered = end is null ? 1 : 2;
        Probe(position, point, found => PointChecked(part, found != position ? null
            : $"the store lists '{position}', a key listed already, after it"));
        if (end is not null)
            Probe(end, point, next => PointChecked(part, next is not null ? null
                : $"the store lists the keys of '{end}', where the next part starts, before it"));
    }

    private void PointChecked(RangePart part, string? wrong)
    {
        if (part.SplitFrom is null)
            return; // dropped already
        if (wrong is not null)
            DropSplit(part, wrong);
        else if (--part.ProbesUnanswered == 0 && part.HeldFirstPage is not null)
            ConfirmSplit(part);
    }

    /// <summary>The first page of a part split off another. Its first key in range is where the part it came from
    /// ends, once the store has confirmed the split point (<see cref="CheckSplitPoint"/>); the part lists on
    /// meanwhile, holding its pages. A page with no key in range (the start key alone) asks on; none at all: nothing
    /// lies past the split point, so the split is dropped.</summary>
    private void FirstPageOfSplit(RangePart part, CloudListingPage page, PageCut cut)
    {
        part.ContinuationToken = page.ContinuationToken;
        if (cut.Kept.Count > 0)
        {
            part.HeldFirstPage = (page, cut);
            if (cut.Last)
                part.State = PartState.Checking;
            if (part.ProbesUnanswered == 0)
                ConfirmSplit(part);
        }
        else if (cut.Last)
        {
            part.SplitFrom!.NothingAfter = part.Range.After;
            DropSplit(part, null);
        }
    }

    /// <summary>The split stands: the part it came from ends right before the new part's first key.</summary>
    private void ConfirmSplit(RangePart part)
    {
        var from = part.SplitFrom!;
        var (page, cut) = part.HeldFirstPage!.Value;
        part.SplitFrom = null;
        from.SplitOff = null;
        from.Range = from.Range.EndingBefore(cut.Kept[0].Key);
        part.HeldFirstPage = null;
        Queue(part, page, cut.Kept, cut.Last);
        CutHeldPages(part);
        CutHeldPages(from);
    }

    /// <summary>The split is undone: the new part goes, having emitted nothing, and the part it came from takes back
    /// its range. With a reason (the store sorts keys otherwise), no more splits are made.</summary>
    private void DropSplit(RangePart part, string? why)
    {
        var from = part.SplitFrom!;
        part.SplitFrom = null;
        part.HeldFirstPage = null;
        bufferedPages -= part.HeldPages.Count;
        part.BufferedPages -= part.HeldPages.Count;
        part.HeldPages.Clear();
        part.State = PartState.Done; // a page still on its way is dropped when it comes
        openParts--;
        parts.Remove(part);
        from.SplitOff = null;
        from.Range = part.RangeBeforeSplit;
        if (why is not null)
        {
            notes.Enqueue($"Dropped the split after '{part.Range.After}': {why}. The store sorts keys otherwise than the listing guessed, " +
                          "so no more key ranges are split.");
            keysOutOfOrder = true;
        }
        CutHeldPages(from);
    }

    /// <summary>Asks for the first key under <paramref name="prefix"/> after <paramref name="after"/>, and hands that
    /// key (null: none) to <paramref name="answered"/> under the lock. Probes wait for a free request slot ahead of
    /// pages (<see cref="Schedule"/>).</summary>
    private void Probe(string prefix, string after, Action<string?> answered) =>
        probes.Enqueue(new ProbeRequest(new CloudListingRequest(prefix, null, 1) { StartAfter = after }, answered));

    private void Send(ProbeRequest probe)
    {
        inFlight++;
        Requests++;
        _ = Task.Run(async () =>
        {
            CloudListingPage page;
            try
            {
                page = await lister.ListPageAsync(probe.Request, null, stop.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Ended(null, e);
                return;
            }
            Ended(() => probe.Answered(page.Objects.Count > 0 ? page.Objects[0].Key : null), null);
        });
    }

    private sealed record ProbeRequest(CloudListingRequest Request, Action<string?> Answered);
}
