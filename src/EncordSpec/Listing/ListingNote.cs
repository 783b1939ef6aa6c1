namespace EncordSpec.Listing;

/// <summary>What the listing did to get to the next objects (a page, a split into folders), for -Verbose.</summary>
internal sealed record ListingNote(string Text);
