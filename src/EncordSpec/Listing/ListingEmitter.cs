using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Turns a listing's chunks into what Get-CloudObject writes, in order: the objects and folders within
/// -Skip and -First (<see cref="ListingPaging"/>), an <see cref="UnaddressableObject"/> for each key no URL can
/// carry, and a <see cref="ListingNote"/> for -Verbose. Each object is stamped with its partition right before it is
/// handed out, and a partition is marked complete once its last object has been handed out and the caller asks for
/// more (<see cref="ListingPartition"/>: that is what lets folder groups stream). Leaving the enumeration early
/// disposes the chunks, which cancels the requests in flight.</summary>
internal sealed class ListingEmitter
{
    private readonly CloudListingReader reader;
    private readonly ListingPaging paging;

    public ListingEmitter(CloudListingReader reader, ListingPaging paging)
    {
        this.reader = reader;
        this.paging = paging;
    }

    /// <summary>CloudObject, CloudPrefix, UnaddressableObject and ListingNote items; ends when -First is reached.</summary>
    public IEnumerable<object> Emit(IEnumerable<ListingChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            if (chunk.Note is not null)
                yield return new ListingNote(chunk.Note);
            foreach (object item in reader.Read(chunk.Page))
            {
                if (item is UnaddressableObject)
                {
                    yield return item; // an error, not a match: -First and -Skip do not count it
                    continue;
                }
                switch (paging.Next())
                {
                    case PagingStep.Skip:
                    case PagingStep.CountOnly:
                        continue;
                    case PagingStep.Stop:
                        yield break;
                }
                if (item is CloudObject cloudObject)
                    chunk.Partition?.Stamp(cloudObject);
                yield return item;
            }
            if (chunk.CompletesPartition)
                chunk.Partition?.MarkComplete();
        }
    }
}
