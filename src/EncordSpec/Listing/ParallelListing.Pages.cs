using System.Collections.Generic;

namespace EncordSpec.Listing;

// What a page becomes in the parallel listing: cut to its part's range, queued as chunks for the reader; the first
// part's full first page planning the parts after it (FolderPlan), and splits of a part in two (RangePlanner).
internal sealed partial class ParallelListing
{
    /// <summary>The one-level page of the prefix: the part ends, and the parts it plans take its place.</summary>
    private void PlanFolders(RangePart level, CloudListingPage page)
    {
        var planned = FolderPlan.Of(page, request, level.Range.After!, order, showsEveryFolder);
        parts.InsertRange(parts.IndexOf(level) + 1, planned);
        openParts += planned.Count;
        level.State = PartState.Done;
        openParts--;
        int folders = planned.FindAll(p => p.Prefix != request.Prefix || p.Range.ThroughFolder).Count;
        string shown = page.ContinuationToken is null ? "" : " on its first page";
        notes.Enqueue(folders == 0
            ? $"Listed '{request.Prefix}' one level down after '{level.Range.After}': no folders{shown}; the rest is listed by key range."
            : $"Listed '{request.Prefix}' one level down after '{level.Range.After}': {folders} folders{shown}, each listed as a part of its own " +
              "(with what lies between them), and what comes after them by key range.");
    }

    /// <summary>Splits <paramref name="part"/> in two after <paramref name="point"/>, our guess of a key between its
    /// position and its end. The new part starts there, and the part ends right before the first key the new part
    /// lists. Until the store has confirmed the point lies between the two parts' neighbours
    /// (ParallelListing.Probes.cs), the new part lists on but holds its pages, and the part waits, holding the page
    /// it had in flight.</summary>
    private void Split(RangePart part, string point)
    {
        var range = part.Range;
        var next = NewPart(new KeyRange(point, range.UpTo, range.ThroughFolder, range.Before), part);
        part.Folders.SplitAt(part.Position!, point);
        part.Range = new KeyRange(range.After, point);
        part.SplitOff = next;
        parts.Insert(parts.IndexOf(part) + 1, next);
        CheckSplitPoint(next);
        Splits++;
        notes.Enqueue($"Split the keys {Describe(part.Prefix, range)} in two after '{point}', to list both side by side.");
    }

    /// <summary>A page a part asked for came back. A level page plans the parts after it; a part waiting for where
    /// its split ends it holds the page; else the page is cut to the part's range (<see cref="Cut"/>).</summary>
    private void Accept(RangePart part, CloudListingPage page)
    {
        if (part.State == PartState.Done)
            return; // its held pages reached its end while this request was in flight
        guard.Check((part, part.Prefix), page); // a part that narrowed to its folder starts a new chain of tokens
        part.PagesListed++;
        part.State = PartState.Idle;
        if (part.IsLevel)
        {
            part.HeldPages.Enqueue(page);
            part.State = PartState.Checking;
            PlanFoldersOnceStartChecked();
        }
        else if (part.SplitOff is not null || part.HeldFirstPage is not null)
        {
            // What the page holds for the part depends on where a split ends it, or whether its own split stands.
            part.HeldPages.Enqueue(page);
            part.BufferedPages++;
            bufferedPages++;
            part.ContinuationToken = page.ContinuationToken;
            if (page.ContinuationToken is null)
                part.State = PartState.Checking;
        }
        else
        {
            Cut(part, page);
        }
    }

    /// <summary>Cuts the pages a part held while its split was checked, now that its end is known; what lies past its
    /// end is dropped.</summary>
    private void CutHeldPages(RangePart part)
    {
        while (part.HeldPages.Count > 0)
        {
            var page = part.HeldPages.Dequeue();
            part.BufferedPages--;
            bufferedPages--;
            if (part.State != PartState.Done)
                Cut(part, page);
        }
    }

    /// <summary>Keeps the page's objects that lie in the part's range (<see cref="PageCut"/>) and queues what they
    /// become for the pipeline; the first page of a part split off another is checked first.</summary>
    private void Cut(RangePart part, CloudListingPage page)
    {
        var cut = PageCut.Of(part, page, order, startByOrder: part == first || rangesIgnored);
        if (cut.OutOfOrder is { } pair)
            OutOfOrder(part, pair.Before, pair.After);
        if (cut.ListedBeforeStart is { } listed)
            IgnoredStart(part.ChainStart!, listed);
        var kept = cut.Kept;
        if (part.SplitFrom is not null)
        {
            FirstPageOfSplit(part, page, cut);
            return;
        }
        if (part == first && part.PagesListed == 1 && !cut.Last && kept.Count > 0 && !rangesIgnored)
        {
            // More than a page: this part ends with its page, and a one-level listing after it plans the rest,
            // once a probe has shown whether the store honours where a listing starts.
            string lastKey = kept[kept.Count - 1].Key;
            part.Range = new KeyRange(part.Range.After, lastKey);
            Queue(part, page, kept, true);
            level = new RangePart(new KeyRange(lastKey, null), request.Prefix, new FolderPartitioner(order)) { IsLevel = true };
            openParts++;
            parts.Insert(parts.IndexOf(part) + 1, level);
            CheckStart(page.Objects[0].Key);
            return;
        }
        Queue(part, page, kept, cut.Last);
    }

    /// <summary>Records how far the part got and queues what the page's kept objects become for the pipeline.</summary>
    private void Queue(RangePart part, CloudListingPage page, List<CloudObject> kept, bool last)
    {
        if (kept.Count > 0)
        {
            part.Origin ??= kept[0].Key;
            space.Learn(kept[0].Key);
            space.Learn(kept[kept.Count - 1].Key);
            if (kept.Count > 1)
                part.PageStart = kept[0].Key;
            part.Position = kept[kept.Count - 1].Key;
        }
        part.ContinuationToken = page.ContinuationToken;
        if (last)
        {
            part.State = PartState.Done;
            openParts--;
        }
        else if (part.State != PartState.Fetching) // a held page is cut while the next is on its way
        {
            part.State = PartState.Idle;
        }
        if (part.Excluded.Count > 0)
            kept = kept.FindAll(cloudObject => !part.Excludes(cloudObject.Key));
        string note = $"Listed {Describe(part)}, page {part.PagesListed}: {kept.Count} objects{(last ? ", the last" : "")}.";
        var listed = new ListedPage(part, part.Folders.Accept(part, kept, last, note));
        bufferedPages++;
        part.BufferedPages++;
        if (sorted)
            part.Pages.Enqueue(listed);
        else
            ready.Enqueue(listed);
    }

    /// <summary>A store whose page is not in the order <see cref="KeyOrder.For"/> assumes (an S3-compatible store
    /// that sorts otherwise): ranges still end where the store says (<see cref="KeyRange"/>), but split points guessed
    /// in our order would be poor, so no more are made.</summary>
    private void OutOfOrder(RangePart part, string before, string after)
    {
        if (keysOutOfOrder)
            return;
        keysOutOfOrder = true;
        notes.Enqueue($"The store listed '{after}' after '{before}' (listing {Describe(part)}), not in the key order the listing splits by: " +
                      "the parts go on as the store lists them, and no more key ranges are split.");
    }

    /// <summary>A store that ignores the start of a range lists from the prefix's first key: still correct (the keys
    /// before the range are dropped), but every split would list again what earlier parts list, so no more are made.</summary>
    private void IgnoredStart(string after, string listed)
    {
        if (rangesIgnored)
            return;
        rangesIgnored = true;
        notes.Enqueue($"The store ignored where a key range starts (asked for keys after '{after}', it listed '{listed}'): " +
                      "the listing goes on without splitting into more key ranges, and misses nothing.");
    }

    private static string Describe(RangePart part) => Describe(part.Prefix, part.Range);

    private static string Describe(string prefix, KeyRange range) =>
        range.After is null && range.UpTo is null ? $"'{prefix}'" : $"'{prefix}' {range}";

    private RangePart NewPart(KeyRange range)
    {
        openParts++;
        return new RangePart(range, request.Prefix, new FolderPartitioner(order));
    }

    /// <summary>The part split off <paramref name="from"/>: same prefix, same folders left to others.</summary>
    private RangePart NewPart(KeyRange range, RangePart from)
    {
        openParts++;
        var part = new RangePart(range, from.Prefix, new FolderPartitioner(order))
        {
            Excluded = from.Excluded,
            Origin = from.Origin,
            NothingAfter = from.NothingAfter,
            SplitFrom = from,
            RangeBeforeSplit = from.Range,
        };
        part.Narrow();
        return part;
    }
}
