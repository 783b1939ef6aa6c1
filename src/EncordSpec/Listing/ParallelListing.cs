using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Lists a prefix recursively with several requests in flight, for a pipeline thread that emits.
/// <para>Every part is a recursive listing of one key range of the prefix (<see cref="KeyRange"/>): it starts as one
/// part holding all of it, and whenever a request could be sent and no part needs one, <see cref="RangePlanner"/>
/// splits the part with the most keys ahead of it in two. Ranges are asked of the store with S3 start-after, GCS
/// startOffset/endOffset and Azure startFrom, and cut to the range here, so a store that ignores them (the GCS
/// emulator) costs requests but loses nothing. Key ranges need no folder listing (delimiter), so no store's quirks in
/// those (s3rver leaves out folders that hold only folders) can make the listing short, a flat prefix splits as well
/// as a tree, and every key is listed exactly once by exactly one part.</para>
/// <para>Workers only fetch pages: at most ThrottleLimit requests are in flight, earliest part in key order first,
/// each part holds at most two pages nobody has taken, and the whole listing at most a budget of pages, so memory
/// stays at a few pages per part being listed. The caller's thread takes chunks as they come (parts interleave, each
/// in key order) or, sorted, part after part in exactly the order of a sequential listing. Disposing (Select-Object
/// -First, Ctrl+C, an error) cancels the requests in flight.</para>
/// <para>Each part is a <see cref="ListingPartition"/> for the folders it holds whole; the objects of folders two
/// parts share go out without one (<see cref="FolderPartitioner"/>). A partition is completed by its part's last
/// chunk, never before its last object.</para></summary>
internal sealed class ParallelListing : IDisposable
{
    public const int DefaultThrottleLimit = 8;
    /// <summary>Pages one part may hold that the pipeline has not taken.</summary>
    private const int PagesPerPart = 2;

    private static readonly CloudListingPage EmptyPage = new(Array.Empty<CloudObject>(), Array.Empty<string>(), null);

    private readonly ICloudObjectLister lister;
    private readonly CloudListingRequest request;
    private readonly int throttleLimit;
    private readonly int pageBudget;
    private readonly bool sorted;
    private readonly IComparer<string> order;
    private readonly KeySpace space;
    private readonly RangePlanner planner;
    private readonly PageGuard guard = new();
    private readonly ResumePoint resume = new();

    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    /// <summary>Every part, in key order (a split puts the new part right after the one it came from).</summary>
    private readonly List<RangePart> parts = new();
    /// <summary>The part the listing starts with; once its first page comes back full, the folders after it are planned.</summary>
    private readonly RangePart first;
    private readonly Queue<ListedPage> ready = new();
    private readonly Queue<string> notes = new();
    private readonly TaskCompletionSource<bool> quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RangePart? needed;
    private int inFlight;
    private int bufferedPages;
    private int openParts;
    private Exception? failure;
    private bool stopped;
    private bool rangesIgnored;
    private bool keysOutOfOrder;

    /// <param name="lister">Safe for concurrent requests.</param>
    /// <param name="request">A recursive listing (no delimiter).</param>
    /// <param name="throttleLimit">Requests in flight at most.</param>
    /// <param name="sorted">Emit in the store's key order, exactly as a sequential listing would.</param>
    /// <param name="order">The store's key order (<see cref="KeyOrder.For"/>).</param>
    public ParallelListing(ICloudObjectLister lister, CloudListingRequest request, int throttleLimit, bool sorted, IComparer<string> order)
    {
        if (request.Delimiter is not null)
            throw new ArgumentException("A parallel listing is recursive: it takes no delimiter.", nameof(request));
        if (throttleLimit < 1)
            throw new ArgumentOutOfRangeException(nameof(throttleLimit));
        this.lister = lister;
        this.request = request;
        this.throttleLimit = throttleLimit;
        pageBudget = Math.Max(4 * throttleLimit, 16);
        this.sorted = sorted;
        this.order = order;
        space = new KeySpace(request.Prefix, order);
        planner = new RangePlanner(space, order);
        first = NewPart(new KeyRange(request.StartAfter, null));
        parts.Add(first);
    }

    /// <summary>List requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Key ranges split in two so far.</summary>
    public int Splits { get; private set; }

    /// <summary>After a failure, the key a listing resumed after misses nothing from (see <see cref="ResumePoint"/>);
    /// null when it must start over.</summary>
    public string? ResumeAfter
    {
        get
        {
            lock (gate)
                return resume.After(parts);
        }
    }

    /// <summary>Completes once the listing was disposed and no request is in flight any more.</summary>
    internal Task Quiet => quiet.Task;

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

    /// <summary>Starts requests while fewer than ThrottleLimit are in flight: for the part the pipeline waits for,
    /// else for the earliest part in key order with room for another page, else for a part split off the one with the
    /// most keys ahead, while the page budget allows. Under the lock.</summary>
    private void Schedule()
    {
        if (stopped || failure is not null)
            return;
        while (inFlight < throttleLimit)
        {
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
    /// bounded); else the earliest part in key order that has room for another page.</summary>
    private RangePart? NextToList()
    {
        if (needed is { State: PartState.Waiting or PartState.Idle, BufferedPages: 0 })
            return needed;
        if (bufferedPages + inFlight >= pageBudget)
            return null;
        foreach (var part in parts)
            if (part.State is PartState.Waiting or PartState.Idle && part.BufferedPages < PagesPerPart)
                return part;
        return null;
    }

    /// <summary>The one-level page of the prefix: the part ends, and the parts it plans take its place.</summary>
    private void PlanFolders(RangePart level, CloudListingPage page)
    {
        var planned = FolderPlan.Of(page, request, level.Range.After!, order);
        parts.InsertRange(parts.IndexOf(level) + 1, planned);
        openParts += planned.Count;
        level.State = PartState.Done;
        openParts--;
        int folders = planned.Count - 1; // a part per folder, and one for the rest
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

    private void Begin(RangePart part)
    {
        part.State = PartState.Fetching;
        inFlight++;
        Requests++;
        int pageSize = part.PagesListed == 0 && part.FirstPageSize is { } first ? first : request.PageSize;
        if (part.ContinuationToken is null)
            part.ChainStart = part.Position ?? part.Range.After; // a part that narrowed goes on from where it was
        var pageRequest = new CloudListingRequest(part.Prefix, part.IsLevel ? FolderPlan.Delimiter : null, pageSize)
        {
            StartAfter = part.ChainStart,
            // A store that honours the end (GCS) would stop at the folder's name, before its keys.
            UpTo = part.Range.ThroughFolder ? null : part.Range.UpTo,
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
            Ended(part, null, e);
            return;
        }
        Ended(part, page, null);
    }

    /// <summary>A request ended: its page is accepted, or its error ends the whole listing (the first error only;
    /// the other requests are cancelled and their errors dropped).</summary>
    private void Ended(RangePart part, CloudListingPage? page, Exception? error)
    {
        bool cancelOthers = false;
        lock (gate)
        {
            inFlight--;
            if (!stopped && failure is null)
            {
                if (page is not null)
                {
                    try
                    {
                        Accept(part, page);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                }
                if (error is not null)
                {
                    failure = error;
                    cancelOthers = true;
                }
                Schedule();
            }
            if (stopped && inFlight == 0)
                quiet.TrySetResult(true);
            Monitor.PulseAll(gate);
        }
        if (cancelOthers)
            stop.Cancel();
    }

    /// <summary>Keeps the page's objects that lie in the part's range (it may have shrunk while the request was in
    /// flight; the store may have ignored the range), and queues what they become for the pipeline.</summary>
    private void Accept(RangePart part, CloudListingPage page)
    {
        guard.Check((part, part.Prefix), page); // a part that narrowed to its folder starts a new chain of tokens
        part.PagesListed++;
        if (part.IsLevel)
        {
            PlanFolders(part, page);
            return;
        }
        var objects = page.Objects;
        var range = part.Range;
        if (!part.ListsToTheEnd && !InKeyOrder(objects))
            OutOfOrder(part, objects);
        int start = 0;
        if (part.ListsToTheEnd)
        {
            // The store's order is not the one ranges are cut by: a key past the range's end says nothing about the
            // keys after it, so the part reads on to the prefix's last page and keeps what lies in its range.
            var inRange = new List<CloudObject>(objects.Count);
            foreach (var cloudObject in objects)
                if (!range.IsBefore(cloudObject.Key, order) && !range.IsPast(cloudObject.Key, order))
                    inRange.Add(cloudObject);
            Queue(part, page, inRange, page.ContinuationToken is null);
            return;
        }
        if (!part.StartConfirmed && part.ChainStart is { } chainStart)
        {
            while (start < objects.Count && order.Compare(objects[start].Key, chainStart) <= 0)
                start++;
            // Azure's startFrom and GCS's startOffset include the start key itself; anything before it was not asked for.
            if (start > 1 || start == 1 && objects[0].Key != chainStart)
                IgnoredStart(chainStart, objects[0].Key);
        }
        part.StartConfirmed |= start < objects.Count || page.ContinuationToken is null;
        int end = objects.Count;
        if (end > start && range.IsPast(objects[end - 1].Key, order))
        {
            end = start;
            while (!range.IsPast(objects[end].Key, order))
                end++;
        }
        bool last = end < objects.Count || page.ContinuationToken is null;
        var kept = start == 0 && end == objects.Count && objects is List<CloudObject> all ? all : Slice(objects, start, end);
        if (part == first && part.PagesListed == 1 && !last && kept.Count > 0 && !rangesIgnored)
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
        Queue(part, page, kept, last);
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

    /// <summary>True when every key of the page comes after the one before it in the order ranges are cut by.</summary>
    private bool InKeyOrder(IReadOnlyList<CloudObject> objects)
    {
        for (int i = 1; i < objects.Count; i++)
            if (order.Compare(objects[i - 1].Key, objects[i].Key) >= 0)
                return false;
        return true;
    }

    /// <summary>A store whose page is not in the order <see cref="KeyOrder.For"/> assumes (an S3-compatible store
    /// that sorts otherwise): cutting that part's pages at its range's end could drop keys, so the part lists on
    /// sequentially to the prefix's end, and no more ranges are split.</summary>
    private void OutOfOrder(RangePart part, IReadOnlyList<CloudObject> objects)
    {
        part.ListsToTheEnd = true;
        if (keysOutOfOrder)
            return;
        keysOutOfOrder = true;
        int at = 1;
        while (order.Compare(objects[at - 1].Key, objects[at].Key) < 0)
            at++;
        notes.Enqueue($"The store listed '{objects[at].Key}' after '{objects[at - 1].Key}', not in the key order the listing splits by: " +
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

    private static List<CloudObject> Slice(IReadOnlyList<CloudObject> objects, int start, int end)
    {
        var slice = new List<CloudObject>(Math.Max(end - start, 0));
        for (int i = start; i < end; i++)
            slice.Add(objects[i]);
        return slice;
    }

    private void Wake()
    {
        lock (gate)
            Monitor.PulseAll(gate);
    }

    /// <summary>Cancels the requests in flight and drops what they bring; does not wait for them.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (stopped)
                return;
            stopped = true;
            if (inFlight == 0)
                quiet.TrySetResult(true);
            Monitor.PulseAll(gate);
        }
        stop.Cancel();
    }
}
