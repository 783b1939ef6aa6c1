using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>What one page of a part became: chunks in key order (objects with and without the part's partition, the
/// partition's completion after its last page).</summary>
internal sealed record ListedPage(RangePart Part, IReadOnlyList<ListingChunk> Chunks);
