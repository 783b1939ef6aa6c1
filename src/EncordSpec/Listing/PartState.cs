namespace EncordSpec.Listing;

/// <summary>Where a part of a parallel listing is.</summary>
internal enum PartState
{
    /// <summary>Made by a split; no request sent yet.</summary>
    Waiting,
    /// <summary>Listed at least one page, and more may follow; no request in flight.</summary>
    Idle,
    /// <summary>A request is in flight.</summary>
    Fetching,
    /// <summary>Split off another part and listed its first key: waits while the store is asked whether that key
    /// really lies between the parts around it (see <see cref="ParallelListing"/>'s splits).</summary>
    Checking,
    /// <summary>Its last page arrived: no more requests.</summary>
    Done,
}
