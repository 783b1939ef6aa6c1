namespace EncordSpec.Tests.Listing;

/// <summary>What Get-CloudObject writes from a listing's chunks: paging applied, objects stamped with their partition
/// as they go out, partitions marked complete after their last object, errors and notes in between.</summary>
public class ListingEmitterTests
{
    private static readonly CloudObjectFilter NoFilter = new(null, null, null);

    private static CloudListingReader Reader(CloudUrlStyle? style = null, string? delimiter = null) =>
        new(new ObjectUrlBuilder(CloudProvider.S3, "b", "eu-west-2", style), NoFilter, delimiter);

    private static ListingChunk Chunk(ListingPartition partition, bool last, string? note, params string[] keys) =>
        new(new CloudListingPage(keys.Select(key => new CloudObject(CloudProvider.S3, "b", key) { Size = 1 }).ToList(), Array.Empty<string>(), null),
            partition, last, note);

    private static string Describe(object item) => item switch
    {
        CloudObject o => $"{o.Key}#{o.PartitionSequence}",
        CloudPrefix p => "prefix " + p.Prefix,
        UnaddressableObject u => "error " + u.Object.Key,
        ListingNote n => "note " + n.Text,
        _ => throw new InvalidOperationException(item.GetType().Name),
    };

    [Fact]
    public void Stamps_each_object_with_its_partition_and_marks_the_partition_complete_after_its_last_object()
    {
        var partition = new ListingPartition("");
        var emitter = new ListingEmitter(Reader(), new ListingPaging(ulong.MaxValue, 0, false));
        var seen = new List<string>();
        foreach (object item in emitter.Emit(new[] { Chunk(partition, false, "Page 1", "a.jpg", "b.jpg"), Chunk(partition, true, null, "c.jpg") }))
        {
            // What the next command in the pipeline sees when it gets the object: the partition is not complete yet.
            Assert.Null(partition.FinalCount);
            seen.Add(Describe(item));
            if (item is CloudObject cloudObject)
                Assert.Same(partition, cloudObject.Partition);
        }
        Assert.Equal(new[] { "note Page 1", "a.jpg#1", "b.jpg#2", "c.jpg#3" }, seen);
        Assert.Equal(3, partition.FinalCount);
    }

    [Fact]
    public void A_stage_that_holds_objects_back_delays_the_partition_s_completion_until_its_last_object_leaves_it()
    {
        var partition = new ListingPartition("");
        var emitter = new ListingEmitter(Reader(), new ListingPaging(ulong.MaxValue, 0, false));
        var held = new Queue<object>();
        // Like the media reads: each object is held until the next item arrives, the rest at the end.
        IEnumerable<object> HoldOne(IEnumerable<object> items)
        {
            foreach (object item in items)
            {
                held.Enqueue(item);
                if (held.Count > 1)
                    yield return held.Dequeue();
            }
            while (held.Count > 0)
                yield return held.Dequeue();
        }
        var seen = new List<string>();
        foreach (object item in emitter.Emit(new[] { Chunk(partition, true, null, "a.jpg", "b.jpg") }, HoldOne))
        {
            Assert.Null(partition.FinalCount);
            seen.Add(Describe(item));
        }
        Assert.Equal(new[] { "a.jpg#1", "b.jpg#2" }, seen);
        Assert.Equal(2, partition.FinalCount);
    }

    [Fact]
    public void Skip_and_first_pick_the_window_across_chunks_and_stop_the_listing()
    {
        var partition = new ListingPartition("");
        var paging = new ListingPaging(first: 2, skip: 1, countAll: false);
        var chunksRead = 0;
        IEnumerable<ListingChunk> Chunks()
        {
            chunksRead++;
            yield return Chunk(partition, false, null, "a.jpg", "b.jpg");
            chunksRead++;
            yield return Chunk(partition, false, null, "c.jpg", "d.jpg");
            chunksRead++;
            yield return Chunk(partition, true, null, "e.jpg");
        }
        var emitted = new ListingEmitter(Reader(), paging).Emit(Chunks()).Select(Describe).ToList();
        // Skipped objects are not stamped: the numbers count what went down the pipeline.
        Assert.Equal(new[] { "b.jpg#1", "c.jpg#2" }, emitted);
        Assert.Equal(2, chunksRead); // no request for the pages after -First
        Assert.Null(partition.FinalCount); // stopped early: the partition never proves its folders complete
    }

    [Fact]
    public void Include_total_count_reads_to_the_end_and_counts_what_it_does_not_emit()
    {
        var partition = new ListingPartition("");
        var paging = new ListingPaging(first: 1, skip: 0, countAll: true);
        var emitted = new ListingEmitter(Reader(), paging).Emit(new[] { Chunk(partition, true, null, "a.jpg", "b.jpg", "c.jpg") }).Select(Describe).ToList();
        Assert.Equal(new[] { "a.jpg#1" }, emitted);
        Assert.Equal(3UL, paging.Matched);
    }

    [Fact]
    public void Keys_no_url_can_carry_are_errors_that_paging_does_not_count()
    {
        var partition = new ListingPartition("");
        var paging = new ListingPaging(first: 2, skip: 0, countAll: false);
        var emitted = new ListingEmitter(Reader(CloudUrlStyle.S3Uri), paging)
            .Emit(new[] { Chunk(partition, true, null, "a b.jpg", "c.jpg", "d e.jpg", "f.jpg", "g.jpg") }).Select(Describe).ToList();
        Assert.Equal(new[] { "error a b.jpg", "c.jpg#1", "error d e.jpg", "f.jpg#2" }, emitted);
        Assert.Equal(2UL, paging.Emitted);
    }

    [Fact]
    public void Folders_of_a_one_level_listing_count_towards_first()
    {
        var partition = new ListingPartition("");
        var page = new CloudListingPage(new[] { new CloudObject(CloudProvider.S3, "b", "a.jpg") { Size = 1 } }, new[] { "b/", "c/" }, null);
        var emitted = new ListingEmitter(Reader(delimiter: "/"), new ListingPaging(first: 2, skip: 0, countAll: false))
            .Emit(new[] { new ListingChunk(page, partition, true) }).Select(Describe).ToList();
        Assert.Equal(new[] { "a.jpg#1", "prefix b/" }, emitted);
    }
}
