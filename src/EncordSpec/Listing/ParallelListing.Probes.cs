using System;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

// Asking the store instead of trusting our guess of its key order (KeyOrder): whether it honours where a listing
// starts, and whether the first key a part split off another listed really lies between the parts around it. An
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
        if (!startChecked || level is not { HeldPage: { } page })
            return;
        level.HeldPage = null;
        PlanFolders(level, page);
    }

    /// <summary>The first page of a part split off another. Its first key in range is where the part it came from
    /// ends, once the store confirms that key lies between that part's position and the next part (<see cref="CheckSplit"/>).
    /// A page with no key in range (the start key alone) asks on; none at all: nothing lies past the split point,
    /// so the split is dropped.</summary>
    private void FirstPageOfSplit(RangePart part, CloudListingPage page, PageCut cut)
    {
        if (cut.Kept.Count > 0)
        {
            part.State = PartState.Checking;
            part.HeldFirstPage = (page, cut);
            CheckSplit(part, cut.Kept[0].Key);
        }
        else if (cut.Last)
        {
            part.SplitFrom!.NothingAfter = part.Range.After;
            DropSplit(part, null);
        }
        else
        {
            part.ContinuationToken = page.ContinuationToken;
        }
    }

    /// <summary>Asks the store whether <paramref name="firstKey"/>, the first key the new part listed, comes after the
    /// last key the part it came from had listed (else that part has listed it and those after it already), and before
    /// where the new part ends (else it would list what the next part lists): one key each, under the first key's name
    /// after the position, then under the end's name after the first key.</summary>
    private void CheckSplit(RangePart part, string firstKey)
    {
        string position = part.SplitPosition!;
        if (firstKey == position)
        {
            DropSplit(part, $"the store listed '{firstKey}' first after '{part.Range.After}', the last key listed before it");
            return;
        }
        Probe(firstKey, position, found =>
        {
            if (found != firstKey)
            {
                DropSplit(part, $"the store lists '{firstKey}' (the first key after '{part.Range.After}') before '{position}', a key listed already");
                return;
            }
            var range = part.Range;
            string? end = range.Before ?? (range.ThroughFolder && !firstKey.StartsWith(range.UpTo!, StringComparison.Ordinal) ? range.UpTo : null);
            if (end is null)
            {
                ConfirmSplit(part, firstKey);
                return;
            }
            Probe(end, firstKey, next =>
            {
                if (next is null)
                    DropSplit(part, $"the store lists '{firstKey}' (the first key after '{part.Range.After}') after the keys of '{end}', where the next part starts");
                else
                    ConfirmSplit(part, firstKey);
            });
        });
    }

    /// <summary>The split stands: the part it came from ends right before the new part's first key.</summary>
    private void ConfirmSplit(RangePart part, string firstKey)
    {
        var from = part.SplitFrom!;
        part.SplitFrom = null;
        from.SplitOff = null;
        from.Range = from.Range.EndingBefore(firstKey);
        var (page, cut) = part.HeldFirstPage!.Value;
        part.HeldFirstPage = null;
        Queue(part, page, cut.Kept, cut.Last);
        CutHeldPage(from);
    }

    /// <summary>The split is undone: the new part goes, having emitted nothing, and the part it came from takes back
    /// its range. With a reason (the store sorts keys otherwise), no more splits are made.</summary>
    private void DropSplit(RangePart part, string? why)
    {
        var from = part.SplitFrom!;
        part.SplitFrom = null;
        part.HeldFirstPage = null;
        part.State = PartState.Done;
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
        CutHeldPage(from);
    }

    /// <summary>Sends one request for the first key under <paramref name="prefix"/> after <paramref name="after"/>,
    /// and hands that key (null: none) to <paramref name="answered"/> under the lock. Under the lock, with a request
    /// free (called as a request ends).</summary>
    private void Probe(string prefix, string after, Action<string?> answered)
    {
        inFlight++;
        Requests++;
        var probe = new CloudListingRequest(prefix, null, 1) { StartAfter = after };
        _ = Task.Run(async () =>
        {
            CloudListingPage page;
            try
            {
                page = await lister.ListPageAsync(probe, null, stop.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Ended(null, e);
                return;
            }
            Ended(() => answered(page.Objects.Count > 0 ? page.Objects[0].Key : null), null);
        });
    }
}
