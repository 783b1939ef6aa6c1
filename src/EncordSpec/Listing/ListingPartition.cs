namespace EncordSpec.Listing;

/// <summary>A part of one Get-CloudObject listing whose objects come out in key order, and which holds every direct
/// object of each folder it has objects of. A sequential listing is one partition; a parallel listing has one per key
/// range it lists, and sends the objects of a folder two ranges share with no partition at all. Each object that goes down the pipeline is stamped with its partition and its number in it (1, 2, 3...),
/// and the partition records its final count when it is done. That lets New-EncordImageGroup -GroupBy Folder prove
/// a folder complete and write its group at once (see <see cref="Grouping.FolderCompletion"/>) — also when the objects are
/// replayed later from a variable, and never when they were re-ordered or filtered on the way.</summary>
internal sealed class ListingPartition
{
    private long stamped;

    public ListingPartition(string prefix) => Prefix = prefix;

    /// <summary>The key prefix the partition lists (informational).</summary>
    public string Prefix { get; }

    /// <summary>How many objects the partition sent, once it is done; null while it is still listing, or when the
    /// listing stopped early (-First, Ctrl+C).</summary>
    public long? FinalCount { get; private set; }

    /// <summary>Marks the object as the partition's next one. Call right before it goes down the pipeline.</summary>
    public void Stamp(CloudObject cloudObject)
    {
        cloudObject.Partition = this;
        cloudObject.PartitionSequence = ++stamped;
    }

    /// <summary>Call after the partition's last object went down the pipeline.</summary>
    public void MarkComplete() => FinalCount = stamped;

    public override string ToString() => Prefix;
}
