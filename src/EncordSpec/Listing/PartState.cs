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
    /// <summary>Has nothing more to ask for until a check ends: a split of it or its own split is confirmed (see
    /// ParallelListing.Probes.cs), or the level page waits for the start probe.</summary>
    Checking,
    /// <summary>Its last page arrived: no more requests.</summary>
    Done,
}
