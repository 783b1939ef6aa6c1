namespace EncordSpec;

/// <summary>A part of one Get-CloudObject listing whose objects come out in key order, and which holds every direct
/// object of each folder it touches. A sequential listing is one partition; a parallel listing has one per part it
/// lists. Get-CloudObject marks a partition complete after its last object went down the pipeline, which lets
/// New-EncordImageGroup -GroupBy Folder write a folder's group as soon as that folder is complete instead of holding
/// every group until the input ends.</summary>
public sealed class ListingPartition
{
    public ListingPartition(string prefix) => Prefix = prefix;

    /// <summary>The key prefix the partition lists (informational).</summary>
    public string Prefix { get; }

    /// <summary>True once no more objects of this partition will come. Read and written on the pipeline thread.</summary>
    public bool IsComplete { get; private set; }

    public void MarkComplete() => IsComplete = true;

    public override string ToString() => Prefix;
}
