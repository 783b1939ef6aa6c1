namespace EncordSpec.Listing;

/// <summary>What <see cref="ListingPaging"/> says to do with one matched object or folder.</summary>
internal enum PagingStep
{
    /// <summary>Within -Skip: leave it out.</summary>
    Skip,
    /// <summary>Write it.</summary>
    Emit,
    /// <summary>Past -First, but -IncludeTotalCount counts it: leave it out and keep listing.</summary>
    CountOnly,
    /// <summary>Past -First: stop listing.</summary>
    Stop,
}
