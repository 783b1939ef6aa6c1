using EncordSpec.Storage.Inventory;

namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>The merge of sorted sources: one sequence in key order, however many sources and however they overlap,
/// with no more sources open at once than allowed (each open source holds a file's read buffers).</summary>
public sealed class SourceMergeTests : IDisposable
{
    private static readonly InventoryEntryOrder Order = new(KeyOrder.Utf8);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "encordspec-merge-" + Guid.NewGuid().ToString("N"));
    private readonly OpenCounter counter = new();
    private int runs;

    public SourceMergeTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Sources_covering_key_ranges_one_after_another_are_read_one_at_a_time()
    {
        // Files each in key order, each after the one before: a report split by key range.
        var sources = Enumerable.Range(0, 500).Select(s => Source(s, Enumerable.Range(s * 10, 10))).Reverse().ToList();
        var merge = new SourceMerge(Order, maxOpen: 4, NewRun);

        var keys = merge.Merge(sources, CancellationToken.None).Select(e => e.Object.Key).ToList();

        Assert.Equal(Enumerable.Range(0, 5000).Select(Key), keys);
        Assert.Equal(1, merge.MaxOverlap(sources));
        Assert.Equal(1, counter.MostOpen);
        Assert.Equal(0, merge.IntermediateRuns);
    }

    [Fact]
    public void Overlapping_sources_beyond_the_limit_are_merged_in_groups_first_and_never_more_are_open()
    {
        // Ten sources that all overlap: source s holds s, s+10, s+20...
        var sources = Enumerable.Range(0, 10).Select(s => Source(s, Enumerable.Range(0, 100).Select(i => s + 10 * i))).ToList();
        var merge = new SourceMerge(Order, maxOpen: 3, NewRun);

        var keys = merge.Merge(sources, CancellationToken.None).Select(e => e.Object.Key).ToList();

        Assert.Equal(Enumerable.Range(0, 1000).Select(Key), keys);
        Assert.Equal(10, merge.MaxOverlap(sources));
        Assert.True(counter.MostOpen <= 3, $"{counter.MostOpen} sources were open at once");
        Assert.True(merge.IntermediateRuns > 0);
        Assert.Empty(Directory.GetFiles(folder)); // every intermediate run is gone once read
    }

    [Fact]
    public void Equal_keys_come_in_the_reports_order_whatever_the_order_of_the_sources()
    {
        var a = Source(0, new[] { 1, 2, 3 }, fileIndex: 0);
        var b = Source(1, new[] { 2, 3 }, fileIndex: 1);
        var c = Source(2, new[] { 3 }, fileIndex: 2);
        var merged = new SourceMerge(Order, 2, NewRun).Merge(new[] { c, b, a }, CancellationToken.None)
            .Select(e => $"{e.Object.Key}@{e.Sequence >> 40}").ToList();
        Assert.Equal(new[] { "k000001@0", "k000002@0", "k000002@1", "k000003@0", "k000003@1", "k000003@2" }, merged);
    }

    private static string Key(int n) => $"k{n:D6}";

    private string NewRun() => Path.Combine(folder, $"{++runs}.run");

    private SortedSource Source(int number, IEnumerable<int> keys, int? fileIndex = null)
    {
        var entries = keys.Select((k, row) => new InventoryEntry(new CloudObject(CloudProvider.S3, "b", Key(k)), InventoryEntry.SequenceOf(fileIndex ?? number, row))).ToArray();
        return new CountedSource(new MemoryRunSource(entries, entries.Length), counter);
    }

    private sealed class OpenCounter
    {
        public int Open;
        public int MostOpen;
    }

    /// <summary>A sorted run that counts how many sources are being read at once.</summary>
    private sealed class CountedSource : SortedSource
    {
        private readonly SortedSource inner;
        private readonly OpenCounter counter;

        public CountedSource(SortedSource inner, OpenCounter counter) : base(inner.First, inner.Last, inner.Count)
        {
            this.inner = inner;
            this.counter = counter;
        }

        public override IEnumerable<InventoryEntry> Read(CancellationToken cancellationToken)
        {
            counter.MostOpen = Math.Max(counter.MostOpen, ++counter.Open);
            try
            {
                foreach (var entry in inner.Read(cancellationToken))
                    yield return entry;
            }
            finally
            {
                counter.Open--;
            }
        }
    }
}
