using System;
using System.Collections.Generic;
using EncordSpec.Listing;

namespace EncordSpec.Grouping;

/// <summary>Proves folder groups fed by Get-CloudObject complete, so they can be written at once instead of at the end
/// of the input. The listing promises (<see cref="ListingPartition"/>) that within a partition objects come in key
/// order, numbered 1, 2, 3..., and that every direct object of a folder is in one partition. So while a partition's
/// objects arrive with no number skipped or repeated, everything listed before the current object has arrived, and
/// a folder is complete once an object of its partition lies outside the folder's prefix, or once the partition's
/// final count has arrived. A skipped or repeated number (the objects were filtered, re-ordered or sent twice on the
/// way) ends the proof for that partition: its folders are then held to the end of the input, like any other input.</summary>
internal sealed class FolderCompletion
{
    private readonly Dictionary<ListingPartition, PartitionProgress> partitions = new();
    private readonly List<PartitionProgress> withOpenFolders = new();

    private sealed class PartitionProgress
    {
        public PartitionProgress(ListingPartition partition) => Partition = partition;
        public ListingPartition Partition { get; }
        public long LastSequence;
        public bool InOrder = true;
        /// <summary>Whether the progress is in <see cref="withOpenFolders"/> (at most once).</summary>
        public bool Watched;
        public readonly List<OpenFolder> Open = new();
    }

    /// <param name="Group">The folder's open group.</param>
    /// <param name="KeyPrefix">The folder's key prefix, up to and including its last '/'; "" for the bucket's root.</param>
    private readonly record struct OpenFolder(PendingGroup Group, string KeyPrefix);

    /// <summary>The folder part of a key: everything up to and including its last '/'.</summary>
    public static string FolderPrefix(string key) => key.Substring(0, key.LastIndexOf('/') + 1);

    /// <summary>Call for each listed input before it is added to a group. Returns the groups now proven complete, in
    /// the order their first member arrived (none, mostly).</summary>
    public IReadOnlyList<PendingGroup> Advance(CloudObject listed)
    {
        List<PendingGroup>? complete = null;

        // First what the inputs before this one prove: a partition whose every object has been added is done.
        for (int i = withOpenFolders.Count - 1; i >= 0; i--)
        {
            var progress = withOpenFolders[i];
            if (progress.InOrder && progress.Partition.FinalCount == progress.LastSequence)
            {
                foreach (var folder in progress.Open)
                    (complete ??= new List<PendingGroup>()).Add(folder.Group);
                progress.Open.Clear();
            }
            if (progress.Open.Count == 0 || !progress.InOrder)
            {
                withOpenFolders.RemoveAt(i);
                progress.Watched = false;
            }
        }

        // Then what this input proves: the folders of its partition that its key lies outside of are done.
        if (listed.Partition is { } partition)
        {
            var progress = ProgressOf(partition);
            if (progress.InOrder && listed.PartitionSequence == progress.LastSequence + 1)
            {
                progress.LastSequence++;
                var open = progress.Open;
                for (int i = open.Count - 1; i >= 0; i--)
                {
                    if (listed.Key.StartsWith(open[i].KeyPrefix, StringComparison.Ordinal))
                        continue;
                    (complete ??= new List<PendingGroup>()).Add(open[i].Group);
                    open.RemoveAt(i);
                }
            }
            else
            {
                progress.InOrder = false; // its open folders stay open until the input ends
            }
        }

        if (complete is null)
            return Array.Empty<PendingGroup>();
        complete.Sort((a, b) => a.ArrivalIndex.CompareTo(b.ArrivalIndex));
        return complete;
    }

    /// <summary>Watches a group just opened by <paramref name="listed"/>, when its partition is still in order.</summary>
    public void Track(PendingGroup group, CloudObject listed)
    {
        if (listed.Partition is null) return;
        var progress = ProgressOf(listed.Partition);
        if (!progress.InOrder) return;
        if (!progress.Watched)
        {
            withOpenFolders.Add(progress);
            progress.Watched = true;
        }
        progress.Open.Add(new OpenFolder(group, FolderPrefix(listed.Key)));
    }

    private PartitionProgress ProgressOf(ListingPartition partition)
    {
        if (!partitions.TryGetValue(partition, out var progress))
            partitions.Add(partition, progress = new PartitionProgress(partition));
        return progress;
    }
}
