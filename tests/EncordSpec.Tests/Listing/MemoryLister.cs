namespace EncordSpec.Tests.Listing;

/// <summary>How a <see cref="MemoryLister"/> answers, after one store or another.</summary>
internal sealed record MemoryStore
{
    /// <summary>S3: UTF-8 byte order, start-after exclusive, no end key. Real S3 and the listing store answer so.</summary>
    public static MemoryStore S3 { get; } = new() { Order = KeyOrder.Utf8 };

    /// <summary>GCS: UTF-16 order, startOffset inclusive, endOffset exclusive.</summary>
    public static MemoryStore Gcs { get; } = new() { Order = KeyOrder.Utf16, StartInclusive = true, HonoursEnd = true };

    /// <summary>Azure: UTF-16 order, startFrom inclusive, no end key.</summary>
    public static MemoryStore Azure { get; } = new() { Order = KeyOrder.Utf16, StartInclusive = true };

    public IComparer<string> Order { get; init; } = KeyOrder.Utf8;

    /// <summary>What the store's order is called in a failing case (set with <see cref="Order"/> for orders of its own).</summary>
    public string? OrderName { get; init; }

    /// <summary>S3-compatible stores that sort otherwise than S3, in ways a listing cannot know in advance.</summary>
    public static MemoryStore SortingBy(StoreOrder order) => S3 with { Order = order, OrderName = order.Name };

    /// <summary>The start key itself is listed (GCS startOffset, Azure startFrom).</summary>
    public bool StartInclusive { get; init; }

    /// <summary>Stops before the end key (GCS endOffset); otherwise pages run on past it.</summary>
    public bool HonoursEnd { get; init; }

    /// <summary>The GCS emulator's quirk: start and end keys are ignored.</summary>
    public bool IgnoresRanges { get; init; }

    /// <summary>s3rver's quirk: a one-level listing leaves out folders that hold only folders.</summary>
    public bool HidesFoldersOfFolders { get; init; }

    /// <summary>Caps the page size, as S3 caps max-keys at 1,000.</summary>
    public int MaxPageSize { get; init; } = int.MaxValue;

    /// <summary>How long each request takes; zero answers on the thread pool at once.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Random extra latency up to this much, so requests finish in any order.</summary>
    public TimeSpan Jitter { get; init; }

    public override string ToString() =>
        $"{OrderName ?? (Order == KeyOrder.Utf8 ? "UTF-8" : "UTF-16")} order, start {(StartInclusive ? "inclusive" : "exclusive")}" +
        (HonoursEnd ? ", end honoured" : "") + (IgnoresRanges ? ", ranges ignored" : "") + (HidesFoldersOfFolders ? ", hides folders of folders" : "");
}

/// <summary>A lexicographic key order other than UTF-8 or UTF-16 (each character ranked by a table), as a store may
/// sort: a key still sorts before every key it is a prefix of, so prefixes and one-level listings still make sense.</summary>
internal sealed class StoreOrder : IComparer<string>
{
    private readonly Func<char, int> rank;

    private StoreOrder(string name, Func<char, int> rank)
    {
        Name = name;
        this.rank = rank;
    }

    public string Name { get; }

    /// <summary>Lower case before upper case ('a' &lt; 'A' &lt; 'b'), as a store comparing case-folded keys first might.</summary>
    public static StoreOrder CaseReversed { get; } = new("case-reversed", c =>
        c is >= 'A' and <= 'Z' ? (c + 32) * 2 + 1 : c * 2);

    /// <summary>Every UTF-16 code unit ranked by a fixed permutation of 0-65535 (an odd multiplier is a bijection).</summary>
    public static StoreOrder Permuted(int seed) => new($"permuted-{seed}", c => (ushort)(c * 40503 + seed * 7919));

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
            if (x[i] != y[i])
                return rank(x[i]).CompareTo(rank(y[i]));
        return x.Length - y.Length;
    }

    public override string ToString() => Name;
}

/// <summary>An <see cref="ICloudObjectLister"/> over a sorted list of keys in memory, answering as a store's listing
/// API does (<see cref="MemoryStore"/>): continuation tokens, page sizes, key ranges, one-level listings. For tests of
/// the listing engine without an emulator; the SDK listers are tested against the emulators.</summary>
internal sealed class MemoryLister : ICloudObjectLister
{
    private readonly MemoryStore store;
    private readonly string[] keys;
    private readonly Random jitter;
    private int requests;
    private int inFlight;
    private int mostInFlight;

    public MemoryLister(IEnumerable<string> keys, MemoryStore store, int seed = 1)
    {
        this.store = store;
        this.keys = keys.Distinct().OrderBy(k => k, store.Order).ToArray();
        jitter = new Random(seed);
    }

    /// <summary>The keys in the store's order.</summary>
    public IReadOnlyList<string> Keys => keys;

    public int Requests => requests;

    public int MostInFlight => mostInFlight;

    /// <summary>Every request, with whether it carried a continuation token, in the order received.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(CloudListingRequest Request, bool Continued)> Received { get; } = new();

    public Task<CloudBucketLocation> LocateAsync(CancellationToken cancellationToken) => Task.FromResult(new CloudBucketLocation(null, null));

    public async Task<CloudListingPage> ListPageAsync(CloudListingRequest request, string? continuationToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        Received.Enqueue((request, continuationToken is not null));
        int now = Interlocked.Increment(ref inFlight);
        for (int seen = mostInFlight; now > seen; seen = mostInFlight)
            Interlocked.CompareExchange(ref mostInFlight, now, seen);
        try
        {
            var wait = store.Latency;
            if (store.Jitter > TimeSpan.Zero)
                lock (jitter)
                    wait += TimeSpan.FromTicks((long)(jitter.NextDouble() * store.Jitter.Ticks));
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            else
                await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return Page(request, continuationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private CloudListingPage Page(CloudListingRequest request, string? continuationToken)
    {
        var order = store.Order;
        int index = continuationToken is null ? 0 : int.Parse(continuationToken);
        if (continuationToken is null && request.StartAfter is not null && !store.IgnoresRanges)
            index = First(k => store.StartInclusive ? order.Compare(k, request.StartAfter) >= 0 : order.Compare(k, request.StartAfter) > 0);
        index = Math.Max(index, First(k => order.Compare(k, request.Prefix) >= 0));
        string? endBefore = store.HonoursEnd && !store.IgnoresRanges && request.UpTo is not null ? request.UpTo + " " : null;
        int size = Math.Min(request.PageSize, store.MaxPageSize);

        var objects = new List<CloudObject>();
        var prefixes = new List<string>();
        while (index < keys.Length && objects.Count + prefixes.Count < size)
        {
            string key = keys[index];
            if (!key.StartsWith(request.Prefix, StringComparison.Ordinal) || endBefore is not null && order.Compare(key, endBefore) >= 0)
                return new CloudListingPage(objects, prefixes, null);
            int cut = request.Delimiter is null ? -1 : key.IndexOf(request.Delimiter, request.Prefix.Length, StringComparison.Ordinal);
            if (cut < 0)
            {
                objects.Add(new CloudObject(CloudProvider.S3, "memory", key) { Size = 1 + key.Length });
                index++;
                continue;
            }
            string folder = key.Substring(0, cut + request.Delimiter!.Length);
            if (!(store.HidesFoldersOfFolders && HoldsOnlyFolders(folder, request.Delimiter)))
                prefixes.Add(folder);
            while (index < keys.Length && keys[index].StartsWith(folder, StringComparison.Ordinal))
                index++;
        }
        bool more = index < keys.Length && keys[index].StartsWith(request.Prefix, StringComparison.Ordinal)
                    && (endBefore is null || order.Compare(keys[index], endBefore) < 0);
        return new CloudListingPage(objects, prefixes, more ? index.ToString() : null);
    }

    private bool HoldsOnlyFolders(string folder, string delimiter) =>
        keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)).All(k => k.IndexOf(delimiter, folder.Length, StringComparison.Ordinal) >= 0);

    /// <summary>The first index whose key matches (keys that match come after those that do not).</summary>
    private int First(Func<string, bool> matches)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (matches(keys[middle]))
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    public void Dispose()
    {
    }
}
