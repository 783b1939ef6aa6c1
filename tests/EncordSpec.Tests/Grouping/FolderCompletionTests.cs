namespace EncordSpec.Tests.Grouping;

/// <summary>Groups from listings are written as soon as their folder is proven complete, and never earlier.</summary>
public class FolderCompletionTests
{
    private readonly GroupCollector collector = new();
    private readonly FolderCompletion completion = new();
    private readonly List<string> written = new();

    /// <summary>Feeds objects as New-EncordImageGroup -GroupBy Folder does; records (title, objects fed so far).</summary>
    private void Feed(IEnumerable<CloudObject> objects)
    {
        int fed = 0;
        foreach (var cloudObject in objects)
        {
            fed++;
            Write(completion.Advance(cloudObject), fed);
            string folder = FolderCompletion.FolderPrefix(cloudObject.Key);
            Assert.False(collector.WasReleased(folder));
            if (!collector.TryGetOpen(folder, out var group))
            {
                group = collector.Open(folder, folder);
                completion.Track(group, cloudObject);
            }
            group.TryAdd(cloudObject.Key);
        }
        while (collector.Oldest is { } open) // the end of the input
            Write(new[] { open }, -1);
    }

    private void Write(IReadOnlyList<PendingGroup> complete, int fed)
    {
        foreach (var group in complete)
        {
            collector.Release(group);
            written.Add($"{group.Title}@{(fed < 0 ? "end" : fed.ToString())}:{group.Count}");
        }
    }

    private static List<CloudObject> List(ListingPartition partition, params string[] keys)
    {
        var objects = keys.Select(key => new CloudObject(CloudProvider.S3, "b", key)).ToList();
        foreach (var cloudObject in objects)
            partition.Stamp(cloudObject);
        return objects;
    }

    [Fact]
    public void Writes_each_folder_once_the_listing_moves_past_it()
    {
        var partition = new ListingPartition("");
        var objects = List(partition, "a/1.jpg", "a/2.jpg", "a/b/1.jpg", "a/z.jpg", "c/1.jpg", "c/2.jpg", "d/1.jpg");
        Feed(objects);
        // a/ stays open across its sub-folder a/b/, which closes when a/z.jpg comes; a/ closes when c/ starts.
        Assert.Equal(new[] { "a/b/@4:1", "a/@5:3", "c/@7:2", "d/@end:1" }, written);
    }

    [Fact]
    public void The_final_count_closes_the_last_folders_at_the_next_input()
    {
        var first = new ListingPartition("x/");
        var second = new ListingPartition("y/");
        var objects = List(first, "x/1.jpg", "x/2.jpg");
        first.MarkComplete();
        objects.AddRange(List(second, "y/1.jpg"));
        Feed(objects);
        Assert.Equal(new[] { "x/@3:2", "y/@end:1" }, written);
    }

    [Fact]
    public void The_final_count_writes_each_open_group_once_after_many_folders()
    {
        var partition = new ListingPartition("");
        var objects = List(partition, Enumerable.Range(0, 50).Select(i => $"f{i:D2}/1.jpg").ToArray());
        partition.MarkComplete();
        objects.Add(new CloudObject(CloudProvider.S3, "b", "z/unlisted.jpg")); // the next input sees the final count
        Feed(objects);
        Assert.Equal(51, written.Count);
        Assert.Equal(written.Distinct().Count(), written.Count);
        Assert.Equal("f49/@51:1", written[49]);
    }

    [Fact]
    public void Interleaved_partitions_each_prove_their_own_folders()
    {
        var left = new ListingPartition("l/");
        var right = new ListingPartition("r/");
        var l = List(left, "l/a/1.jpg", "l/b/1.jpg");
        var r = List(right, "r/a/1.jpg", "r/b/1.jpg");
        Feed(new[] { l[0], r[0], r[1], l[1] });
        // What is still open at the end goes out in the order its first member arrived.
        Assert.Equal(new[] { "r/a/@3:1", "l/a/@4:1", "r/b/@end:1", "l/b/@end:1" }, written);
    }

    [Fact]
    public void Replaying_a_finished_listing_streams_the_same_way()
    {
        var partition = new ListingPartition("");
        var objects = List(partition, "a/1.jpg", "b/1.jpg", "c/1.jpg");
        partition.MarkComplete(); // the listing ended long before the objects are fed again
        Feed(objects);
        Assert.Equal(new[] { "a/@2:1", "b/@3:1", "c/@end:1" }, written);
    }

    [Fact]
    public void Re_ordered_objects_are_held_to_the_end_and_nothing_is_written_early()
    {
        var partition = new ListingPartition("");
        var objects = List(partition, "a/1.jpg", "b/1.jpg", "a/2.jpg", "c/1.jpg");
        partition.MarkComplete();
        // Sorted by something other than the key: b/ comes first, and a/ arrives in two parts.
        Feed(new[] { objects[1], objects[0], objects[3], objects[2] });
        Assert.Equal(new[] { "b/@end:1", "a/@end:2", "c/@end:1" }, written);
    }

    [Fact]
    public void Filtered_objects_stop_the_proof_from_the_first_gap()
    {
        var partition = new ListingPartition("");
        var objects = List(partition, "a/1.jpg", "b/1.jpg", "b/2.jpg", "c/1.jpg", "d/1.jpg");
        partition.MarkComplete();
        // Where-Object dropped b/2.jpg: up to the gap the proof holds, after it everything waits.
        Feed(new[] { objects[0], objects[1], objects[3], objects[4] });
        Assert.Equal(new[] { "a/@2:1", "b/@end:1", "c/@end:1", "d/@end:1" }, written);
    }

    [Fact]
    public void Objects_made_by_users_are_held_to_the_end()
    {
        Feed(new[] { new CloudObject(CloudProvider.GCS, "b", "a/1.jpg"), new CloudObject(CloudProvider.GCS, "b", "b/1.jpg") });
        Assert.Equal(new[] { "a/@end:1", "b/@end:1" }, written);
    }

    [Fact]
    public void A_late_member_of_a_written_group_is_refused()
    {
        var collector = new GroupCollector();
        var group = collector.Open("gs://b/a/", "a");
        collector.Release(group);
        Assert.True(collector.WasReleased("gs://b/a/"));
        Assert.False(collector.TryGetOpen("gs://b/a/", out _));
        Assert.Null(collector.Oldest);
    }
}
