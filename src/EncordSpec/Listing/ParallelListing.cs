using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Listing;

/// <summary>Lists a prefix recursively with several requests in flight, for a pipeline thread that emits.
/// <para>It starts as one part holding the whole prefix. When that part's first page comes back full, the part ends
/// there, and a one-level listing after it names the folders that follow (<see cref="FolderPlan"/>): each becomes a
/// part whose requests stay inside that folder once they have reached it, so that a store which walks every key under
/// the prefix it is asked for (s3rver, MinIO) or sorts them (Azurite) looks at one folder at a time; the parts
/// together hold every key, also those of folders a store leaves out of one-level listings. Whenever a request could
/// be sent and no part needs one, <see cref="RangePlanner"/> splits the part with the most keys ahead of it in two
/// by key range (S3 start-after, GCS startOffset/endOffset, Azure startFrom), so a flat prefix or a large folder
/// splits as well as a tree. Pages are cut to their part's range here (<see cref="PageCut"/>), so a store that
/// ignores ranges (the GCS emulator) costs requests but loses nothing, and every key is listed by exactly one part.
/// Parts end by name, not by comparing keys (<see cref="KeyRange"/>), and each split is checked with the store
/// before either part emits past it (ParallelListing.Probes.cs), so a store that sorts keys otherwise than
/// <see cref="KeyOrder"/> guesses loses nothing either.</para>
/// <para>Workers only fetch pages (ParallelListing.Scheduling.cs): at most ThrottleLimit requests are in flight,
/// earliest part in key order first, each part holds at most two pages nobody has taken, and the whole listing at
/// most a budget of pages, so memory stays at a few pages per part being listed. What a page becomes, and the parts
/// it plans or splits, is ParallelListing.Pages.cs. The caller's thread (ParallelListing.Reading.cs) takes chunks as
/// they come (parts interleave, each in key order) or, sorted, part after part in exactly the order of a sequential
/// listing. Disposing (Select-Object -First, Ctrl+C, an error) cancels the requests in flight.</para>
/// <para>Each part is a <see cref="ListingPartition"/> for the folders it holds whole; the objects of folders two
/// parts share go out without one (<see cref="FolderPartitioner"/>). A partition is completed by its part's last
/// chunk, never before its last object.</para></summary>
internal sealed partial class ParallelListing : IDisposable
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
    private readonly bool showsEveryFolder;
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
    /// <summary>The one-level listing after the first page, once there is one: its page waits for <see cref="startChecked"/>.</summary>
    private RangePart? level;
    private readonly Queue<ListedPage> ready = new();
    private readonly Queue<string> notes = new();
    /// <summary>One-key requests waiting for a free slot (ParallelListing.Probes.cs).</summary>
    private readonly Queue<ProbeRequest> probes = new();
    private readonly TaskCompletionSource<bool> quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RangePart? needed;
    private int inFlight;
    private int bufferedPages;
    private int openParts;
    private Exception? failure;
    private bool stopped;
    private bool rangesIgnored;
    /// <summary>A probe has shown whether the store honours where a listing starts (ParallelListing.Probes.cs).</summary>
    private bool startChecked;
    private bool keysOutOfOrder;

    /// <param name="lister">Safe for concurrent requests.</param>
    /// <param name="request">A recursive listing (no delimiter).</param>
    /// <param name="throttleLimit">Requests in flight at most.</param>
    /// <param name="sorted">Emit in the store's key order, exactly as a sequential listing would.</param>
    /// <param name="order">The store's key order (<see cref="KeyOrder.For"/>).</param>
    /// <param name="showsEveryFolder">The store's one-level listings show every folder (<see cref="FolderPlan"/>).</param>
    public ParallelListing(ICloudObjectLister lister, CloudListingRequest request, int throttleLimit, bool sorted, IComparer<string> order,
        bool showsEveryFolder = false)
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
        this.showsEveryFolder = showsEveryFolder;
        space = new KeySpace(request.Prefix, order);
        planner = new RangePlanner(space, order);
        first = NewPart(new KeyRange(request.StartAfter, null));
        parts.Add(first);
    }

    /// <summary>List requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Key ranges split in two so far, counting splits undone because nothing lay past the point or the
    /// store sorts keys otherwise.</summary>
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
