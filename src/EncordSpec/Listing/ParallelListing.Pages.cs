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

    private void Split(RangePart part, string point)
    {
        var range = part.Range;
        var next = NewPart(new KeyRange(point, range.UpTo, range.ThroughFolder), part);
        part.Folders.SplitAt(part.Position!, point);
        part.Range = new KeyRange(range.After, point);
        parts.Insert(parts.IndexOf(part) + 1, next);
        Splits++;
        notes.Enqueue($"Split the keys {Describe(part.Prefix, range)} in two after '{point}', to list both side by side.");
    }

    /// <summary>Keeps the page's objects that lie in the part's range (<see cref="PageCut"/>) and queues what they
    /// become for the pipeline; a level page plans the parts after it instead.</summary>
    private void Accept(RangePart part, CloudListingPage page)
    {
        guard.Check((part, part.Prefix), page); // a part that narrowed to its folder starts a new chain of tokens
        part.PagesListed++;
        if (part.IsLevel)
        {
            PlanFolders(part, page);
            return;
        }
        var cut = PageCut.Of(part, page, order);
        if (cut.OutOfOrder is { } pair)
            OutOfOrder(part, pair.Before, pair.After);
        if (cut.ListedBeforeStart is { } listed)
            IgnoredStart(part.ChainStart!, listed);
        var kept = cut.Kept;
        if (part == first && part.PagesListed == 1 && !cut.Last && kept.Count > 0 && !rangesIgnored && !part.ListsToTheEnd)
        {
            // More than a page: this part ends with its page, and a one-level listing after it plans the rest.
            string lastKey = kept[kept.Count - 1].Key;
            part.Range = new KeyRange(part.Range.After, lastKey);
            Queue(part, page, kept, true);
            var level = new RangePart(new KeyRange(lastKey, null), request.Prefix, new FolderPartitioner(order)) { IsLevel = true };
            openParts++;
            parts.Insert(parts.IndexOf(part) + 1, level);
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
        if (!last)
            part.Narrow();
        if (last)
        {
            part.State = PartState.Done;
            openParts--;
        }
        else
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
    /// that sorts otherwise): the part lists on to the end of its prefix (<see cref="PageCut"/>), and no more ranges
    /// are split.</summary>
    private void OutOfOrder(RangePart part, string before, string after)
    {
        if (keysOutOfOrder)
            return;
        keysOutOfOrder = true;
        notes.Enqueue($"The store listed '{after}' after '{before}', not in the key order the listing splits by: " +
                      $"the keys {Describe(part)} are listed one page after another to the prefix's end, and no more key ranges are split.");
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
        var part = new RangePart(range, from.Prefix, new FolderPartitioner(order)) { Excluded = from.Excluded, Origin = from.Origin };
        part.Narrow();
        return part;
    }
}
