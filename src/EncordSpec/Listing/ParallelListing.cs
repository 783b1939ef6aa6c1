using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Lists a prefix recursively with several requests in flight, for a pipeline thread that emits.
/// <para>It starts as one recursive listing of the prefix. A recursive part whose first page comes back full and
/// shows folders is split: one level of it (its own objects and its folders, with a delimiter) and one recursive
/// part per folder, each split again the same way when it turns out large. Splitting by folder rather than by key
/// ranges works the same on every store (S3, OBS, S3-compatible stores, Azure, GCS; no start-after needed), never
/// guesses where a range should end, and keeps every folder's own objects in one part, so each part is a
/// <see cref="ListingPartition"/>. The split part's first page is not thrown away: the folders it holds completely
/// and the prefix's own objects on it are emitted from it; only the folder it ended in is listed again (unless that
/// folder showed no subfolders, then its keys on the page are kept and skipped when listed).</para>
/// <para>Workers only fetch pages: at most ThrottleLimit requests are in flight, earliest part in key order first,
/// each part holds at most two pages nobody has taken, and the whole listing at most a budget of pages, so memory
/// stays at a few pages per part being listed. The caller's thread takes chunks as they come (parts interleave,
/// each in key order) or, sorted, in exactly the order of a sequential listing. Disposing (Select-Object -First,
/// Ctrl+C, an error) cancels the requests in flight.</para>
/// <para>A chunk completes its partition as soon as the listing knows nothing of it follows: with the partition's
/// last objects when their page ended the part, otherwise by an empty chunk when the part's next page arrives (a
/// level whose last page holds only folders; objects kept from a split's first page, known complete only when the
/// part listing them again ends). Never before its last object.</para></summary>
internal sealed class ParallelListing : IDisposable
{
    public const int DefaultThrottleLimit = 8;
    /// <summary>Pages one part may hold that the pipeline has not taken.</summary>
    private const int PagesPerPart = 2;

    private readonly ICloudObjectLister lister;
    private readonly int pageSize;
    private readonly int throttleLimit;
    private readonly int pageBudget;
    private readonly bool sorted;
    private readonly IComparer<string> order;
    private readonly ListingPart root;

    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly SortedSet<ListingPart> waiting;
    private readonly List<ListingPart> started = new();
    private readonly Queue<PartChunk> ready = new();
    private readonly TaskCompletionSource<bool> quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ListingPart? needed;
    private int inFlight;
    private int bufferedPages;
    private int openParts;
    private long nextId;
    private Exception? failure;
    private bool stopped;

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
        pageSize = request.PageSize;
        this.throttleLimit = throttleLimit;
        pageBudget = Math.Max(4 * throttleLimit, 16);
        this.sorted = sorted;
        this.order = order;
        waiting = new SortedSet<ListingPart>(Comparer<ListingPart>.Create((a, b) =>
        {
            int byPrefix = order.Compare(a.Prefix, b.Prefix);
            return byPrefix != 0 ? byPrefix : a.Id.CompareTo(b.Id);
        }));
        root = NewRecursive(request.Prefix, canSplit: true);
    }

    /// <summary>List requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Prefixes split into one level and their folders so far.</summary>
    public int Splits { get; private set; }

    /// <summary>Completes once the listing was disposed and no request is in flight any more.</summary>
    internal Task Quiet => quiet.Task;

    /// <summary>The listing's chunks, for one caller thread; blocks while the next chunk is being fetched. A listing
    /// failure is thrown as the lister threw it; the token's cancellation as OperationCanceledException.</summary>
    public IEnumerable<ListingChunk> Read(CancellationToken cancellationToken)
    {
        using var wake = cancellationToken.Register(Wake);
        lock (gate)
            Schedule();
        var chunks = sorted ? ReadInOrder(root, cancellationToken) : ReadAsListed(cancellationToken);
        foreach (var chunk in chunks)
            yield return chunk;
    }

    private IEnumerable<ListingChunk> ReadAsListed(CancellationToken cancellationToken)
    {
        while (true)
        {
            PartChunk? next;
            lock (gate)
            {
                while (true)
                {
                    ThrowIfEnded(cancellationToken);
                    if (ready.Count > 0)
                    {
                        next = ready.Dequeue();
                        Taken(next);
                        break;
                    }
                    if (openParts == 0 && inFlight == 0)
                    {
                        next = null;
                        break;
                    }
                    Monitor.Wait(gate);
                }
            }
            if (next is null)
                yield break;
            yield return next.Chunk;
        }
    }

    private IEnumerable<ListingChunk> ReadInOrder(ListingPart part, CancellationToken cancellationToken)
    {
        while (Take(part, cancellationToken) is { } next)
            yield return next.Chunk;
        if (part.SplitInto is { } level)
            foreach (var chunk in ReadLevel(level, cancellationToken))
                yield return chunk;
    }

    /// <summary>A level part's objects merged in key order with its folders' listings. A folder is entered only
    /// once an object after it was seen, or the level ended: GCS repeats every folder on every page.</summary>
    private IEnumerable<ListingChunk> ReadLevel(ListingPart level, CancellationToken cancellationToken)
    {
        var folders = new SortedSet<string>(order);
        var entered = new HashSet<string>(StringComparer.Ordinal);
        while (Take(level, cancellationToken) is { } next)
        {
            bool last = next.Chunk.CompletesPartition;
            foreach (string folder in next.NewFolders)
                folders.Add(folder);
            if (next.Chunk.Note is not null)
                yield return new ListingChunk(EmptyPage, level.Partition, false, next.Chunk.Note);
            var run = new List<CloudObject>();
            foreach (var cloudObject in next.Chunk.Page.Objects)
            {
                while (folders.Count > 0 && order.Compare(folders.Min!, cloudObject.Key) < 0)
                {
                    if (run.Count > 0)
                    {
                        yield return new ListingChunk(PageOf(run), level.Partition, false);
                        run = new List<CloudObject>();
                    }
                    string folder = folders.Min!;
                    folders.Remove(folder);
                    entered.Add(folder);
                    foreach (var chunk in ReadFolder(level, folder, cancellationToken))
                        yield return chunk;
                }
                run.Add(cloudObject);
            }
            if (run.Count > 0 || last)
                yield return new ListingChunk(PageOf(run), level.Partition, last);
        }
        // Folders after the level's last object; then any a page did not report (listed anyway, never lost).
        foreach (string folder in folders.Concat(UnreportedFolders(level, entered, folders)).ToList())
            foreach (var chunk in ReadFolder(level, folder, cancellationToken))
                yield return chunk;
    }

    private IEnumerable<string> UnreportedFolders(ListingPart level, HashSet<string> entered, SortedSet<string> reported)
    {
        lock (gate)
            return level.Children.Where(c => c.Value is not null && !entered.Contains(c.Key) && !reported.Contains(c.Key))
                .Select(c => c.Key).OrderBy(k => k, order).ToList();
    }

    private IEnumerable<ListingChunk> ReadFolder(ListingPart level, string folder, CancellationToken cancellationToken)
    {
        ListingPart? child;
        lock (gate)
            level.Children.TryGetValue(folder, out child);
        // Null: every object of the folder came with the first page of the part the level was split from.
        return child is null ? Enumerable.Empty<ListingChunk>() : ReadInOrder(child, cancellationToken);
    }

    /// <summary>The part's next chunk, waiting for it; null once the part has no more.</summary>
    private PartChunk? Take(ListingPart part, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            while (true)
            {
                ThrowIfEnded(cancellationToken);
                if (part.Chunks.Count > 0)
                {
                    var next = part.Chunks.Dequeue();
                    if (needed == part)
                        needed = null;
                    Taken(next);
                    return next;
                }
                if (part.Exhausted)
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

    private void ThrowIfEnded(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
            ExceptionDispatchInfo.Capture(failure).Throw();
        if (stopped)
            throw new ObjectDisposedException(nameof(ParallelListing));
    }

    private void Taken(PartChunk chunk)
    {
        if (chunk.ReleasesPage)
        {
            bufferedPages--;
            chunk.Source.BufferedPages--;
        }
        Schedule();
    }

    /// <summary>Starts requests while fewer than ThrottleLimit are in flight and the page budget allows. Under the lock.</summary>
    private void Schedule()
    {
        if (stopped || failure is not null)
            return;
        while (inFlight < throttleLimit && NextToList() is { } part)
            Begin(part);
    }

    /// <summary>The part the pipeline waits for, whatever the budget (it holds no page then, so memory stays
    /// bounded); else the earliest part in key order that has room for another page.</summary>
    private ListingPart? NextToList()
    {
        if (needed is { Fetching: false, Exhausted: false, BufferedPages: 0 })
            return needed;
        if (bufferedPages + inFlight >= pageBudget)
            return null;
        ListingPart? best = null;
        foreach (var part in started)
            if (!part.Fetching && part.BufferedPages < PagesPerPart && (best is null || order.Compare(part.Position, best.Position) < 0))
                best = part;
        if (waiting.Count > 0 && (best is null || order.Compare(waiting.Min!.Prefix, best.Position) < 0))
            best = waiting.Min;
        return best;
    }

    private void Begin(ListingPart part)
    {
        if (waiting.Remove(part))
            started.Add(part);
        part.Fetching = true;
        inFlight++;
        Requests++;
        string? token = part.ContinuationToken;
        _ = Task.Run(() => ListPageAsync(part, token));
    }

    private async Task ListPageAsync(ListingPart part, string? continuationToken)
    {
        CloudListingPage page;
        try
        {
            page = await lister.ListPageAsync(part.Request, continuationToken, stop.Token).ConfigureAwait(false);
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
    private void Ended(ListingPart part, CloudListingPage? page, Exception? error)
    {
        bool cancelOthers = false;
        lock (gate)
        {
            inFlight--;
            part.Fetching = false;
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

    private void Accept(ListingPart part, CloudListingPage page)
    {
        part.PagesListed++;
        part.Position = LastEntry(page) ?? part.Position;
        part.ContinuationToken = page.ContinuationToken;
        if (part.PagesListed == 1 && part.CanSplit && page.ContinuationToken is not null && FolderSplit.ShowsFolders(page, part.Prefix))
        {
            Split(part, page);
            return;
        }
        var objects = part.SkipKeys is { Count: > 0 } skip ? page.Objects.Where(o => !skip.Contains(o.Key)).ToList() : page.Objects;
        IReadOnlyList<string> newFolders = part.IsLevel ? AddFolders(part, page.Prefixes) : Array.Empty<string>();
        bool last = page.ContinuationToken is null;
        if (last && part.IsLevel)
            CheckLevelShowedItsFolders(part);
        string note = part.IsLevel
            ? $"Listed '{part.Prefix}' one level down, page {part.PagesListed}: {objects.Count} objects, {newFolders.Count} folders."
            : $"Listed '{part.Prefix}', page {part.PagesListed}: {objects.Count} objects.";
        if (last)
            Finish(part);
        Enqueue(new PartChunk(new ListingChunk(PageOf(objects), part.Partition, last, note), part, true, newFolders));
    }

    /// <summary>A level listing must report every folder the full listing's first page showed. A store that leaves one
    /// out (s3rver omits folders that hold only folders) would make the parallel listing miss everything in the
    /// folders it never reports, so that ends the listing with an error instead of a silently short result.</summary>
    private static void CheckLevelShowedItsFolders(ListingPart level)
    {
        foreach (string folder in level.Children.Keys)
        {
            if (!level.SeenPrefixes.Contains(folder))
                throw new CloudStorageException(CloudErrorKind.InconsistentListing,
                    $"the store's one-level listing of '{level.Prefix}' did not report the folder '{folder}', which its full listing shows, " +
                    "so folders it leaves out would be missed");
        }
    }

    /// <summary>The folders a level page reports for the first time; each new one becomes a recursive part.</summary>
    private List<string> AddFolders(ListingPart level, IReadOnlyList<string> prefixes)
    {
        var added = new List<string>();
        foreach (string prefix in prefixes)
        {
            if (!level.SeenPrefixes.Add(prefix))
                continue;
            added.Add(prefix);
            if (!level.Children.ContainsKey(prefix))
                level.Children[prefix] = NewRecursive(prefix, canSplit: true);
        }
        return added;
    }

    /// <summary>Turns a recursive part whose first page came back full, with folders on it, into one level of its
    /// prefix and a recursive part per folder, emitting what the page already holds (see the class remarks).</summary>
    private void Split(ListingPart part, CloudListingPage page)
    {
        Splits++;
        var split = FolderSplit.Of(part.Prefix, page.Objects);
        var level = NewLevel(part.Prefix);
        ListingPart? lastFolder = null;
        if (split.LastFolder is { } folder)
        {
            HashSet<string>? kept = split.LastFolderIsFlat
                ? new HashSet<string>(split.Runs[split.Runs.Count - 1].Objects.Select(o => o.Key), StringComparer.Ordinal)
                : null;
            // A folder whose keys are kept may not split: its keys so far are in its partition already.
            lastFolder = NewRecursive(folder, canSplit: kept is null, kept);
            level.Children[folder] = lastFolder;
        }

        var head = new List<ListingChunk>();
        int keptObjects = 0;
        foreach (var run in split.Runs)
        {
            if (run.Folder is null)
            {
                level.SkipKeys!.UnionWith(run.Objects.Select(o => o.Key));
                head.Add(new ListingChunk(PageOf(run.Objects), level.Partition, false));
            }
            else if (run.Folder == split.LastFolder)
            {
                if (lastFolder!.SkipKeys is null)
                    continue; // listed again by its own part
                head.Add(new ListingChunk(PageOf(run.Objects), lastFolder.Partition, false));
            }
            else
            {
                level.Children[run.Folder] = null; // complete on this page
                head.Add(new ListingChunk(PageOf(run.Objects), new ListingPartition(run.Folder), true));
            }
            keptObjects += run.Objects.Count;
        }
        string note = $"Listed '{part.Prefix}', page 1: {page.Objects.Count} objects and more to come, in folders: listing its folders " +
                      $"side by side ({keptObjects} objects of the page kept).";
        if (head.Count == 0)
            head.Add(new ListingChunk(EmptyPage, level.Partition, false));
        head[0] = new ListingChunk(head[0].Page, head[0].Partition, head[0].CompletesPartition, note);

        part.SplitInto = level;
        Finish(part);
        for (int i = 0; i < head.Count; i++)
            Enqueue(new PartChunk(head[i], part, i == head.Count - 1, Array.Empty<string>()));
    }

    private void Enqueue(PartChunk chunk)
    {
        if (chunk.ReleasesPage)
        {
            bufferedPages++;
            chunk.Source.BufferedPages++;
        }
        if (sorted)
            chunk.Source.Chunks.Enqueue(chunk);
        else
            ready.Enqueue(chunk);
    }

    private void Finish(ListingPart part)
    {
        part.Exhausted = true;
        started.Remove(part);
        waiting.Remove(part);
        openParts--;
    }

    private ListingPart NewRecursive(string prefix, bool canSplit, HashSet<string>? skipKeys = null) =>
        Register(ListingPart.Recursive(nextId++, prefix, pageSize, canSplit, skipKeys));

    private ListingPart NewLevel(string prefix) => Register(ListingPart.Level(nextId++, prefix, pageSize));

    private ListingPart Register(ListingPart part)
    {
        openParts++;
        waiting.Add(part);
        return part;
    }

    private string? LastEntry(CloudListingPage page)
    {
        string? lastObject = page.Objects.Count > 0 ? page.Objects[page.Objects.Count - 1].Key : null;
        string? lastPrefix = page.Prefixes.Count > 0 ? page.Prefixes[page.Prefixes.Count - 1] : null;
        if (lastObject is null || lastPrefix is null)
            return lastObject ?? lastPrefix;
        return order.Compare(lastObject, lastPrefix) >= 0 ? lastObject : lastPrefix;
    }

    private static readonly CloudListingPage EmptyPage = new(Array.Empty<CloudObject>(), Array.Empty<string>(), null);

    private static CloudListingPage PageOf(IReadOnlyList<CloudObject> objects) => new(objects, Array.Empty<string>(), null);

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
