using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Turns a listing's chunks into what Get-CloudObject writes, in order: the objects and folders within
/// -Skip and -First (<see cref="ListingPaging"/>), an <see cref="UnaddressableObject"/> for each key no URL can
/// carry, and a <see cref="ListingNote"/> for -Verbose. Each object is stamped with its partition before it is
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
    public IEnumerable<object> Emit(IEnumerable<ListingChunk> chunks) => Emit(chunks, items => items);

    /// <summary>The same items after <paramref name="stage"/>, a step that may add to items or hold some back (the
    /// media reads of -MediaMetadata) but hands on every item it does not know, in order. A partition is marked
    /// complete only once its last object has come out of the stage, so a partition never looks complete while
    /// objects of it are still held there.</summary>
    public IEnumerable<object> Emit(IEnumerable<ListingChunk> chunks, Func<IEnumerable<object>, IEnumerable<object>> stage)
    {
        foreach (object item in stage(Listed(chunks)))
        {
            if (item is PartitionEnd end)
            {
                end.Partition.MarkComplete();
                continue;
            }
            yield return item;
        }
    }

    /// <summary>The items in listing order, each partition's end as a <see cref="PartitionEnd"/> right after its last object.</summary>
    private IEnumerable<object> Listed(IEnumerable<ListingChunk> chunks)
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
            // A chunk outside any partition (objects two key ranges share) has none to complete.
            if (chunk.CompletesPartition && chunk.Partition is not null)
                yield return new PartitionEnd(chunk.Partition);
        }
    }

    /// <summary>Travels behind a partition's last object, so it is marked complete where that object leaves.</summary>
    private sealed class PartitionEnd
    {
        public PartitionEnd(ListingPartition partition) => Partition = partition;
        public ListingPartition Partition { get; }
    }
}
