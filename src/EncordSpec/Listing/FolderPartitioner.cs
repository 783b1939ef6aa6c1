using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Decides which objects of one part of a parallel listing carry the part's <see cref="ListingPartition"/>,
/// keeping its promise: every direct object of a folder is in one partition, or none of them is in any. A folder
/// whose keys another part may also hold (the range starts or ends inside it, or it may yet be split inside it) goes
/// out without a partition; so the folder it is known only to have started in, at the end of a page, waits for the
/// next page: that page shows the folder ended (its objects go out with the partition), or that it goes on past a
/// whole page (it is big, so a split may cut it: they go out without one). A split inside a folder whose objects are
/// still waiting makes it shared too. Under <see cref="ParallelListing"/>'s lock.</summary>
internal sealed class FolderPartitioner
{
    private readonly IComparer<string> order;
    /// <summary>Objects at the end of the last page, of folders not decided yet.</summary>
    private List<CloudObject> held = new();
    /// <summary>Folders the part's position lies in whose objects go out without a partition.</summary>
    private readonly HashSet<string> shared = new(StringComparer.Ordinal);

    public FolderPartitioner(IComparer<string> order) => this.order = order;

    /// <summary>The chunks to emit now for a page of the part's objects (all in its range), in key order.</summary>
    public List<ListingChunk> Accept(RangePart part, List<CloudObject> page, bool last, string? note)
    {
        string? lastHeld = held.Count > 0 ? held[held.Count - 1].Key : null;
        var input = page;
        if (held.Count > 0)
        {
            held.AddRange(page);
            input = held;
        }
        int emitUpTo = last ? input.Count : Decide(input, page, lastHeld);

        var chunks = new List<ListingChunk>();
        var run = new List<CloudObject>();
        ListingPartition? runPartition = null;
        string? folder = null;
        bool partitioned = false;
        for (int i = 0; i < emitUpTo; i++)
        {
            var cloudObject = input[i];
            string key = cloudObject.Key;
            if (folder is null || !InFolder(key, folder))
            {
                folder = key.Substring(0, key.LastIndexOf('/') + 1);
                partitioned = !shared.Contains(folder) && part.Range.HoldsFolder(folder);
            }
            var partition = partitioned ? part.Partition : null;
            if (run.Count > 0 && partition != runPartition)
            {
                chunks.Add(new ListingChunk(PageOf(run), runPartition, false, chunks.Count == 0 ? note : null));
                run = new List<CloudObject>();
            }
            runPartition = partition;
            run.Add(cloudObject);
        }
        if (run.Count > 0)
            chunks.Add(new ListingChunk(PageOf(run), runPartition, false, chunks.Count == 0 ? note : null));
        if (last)
            chunks.Add(new ListingChunk(EmptyPage, part.Partition, true, chunks.Count == 0 ? note : null));
        else if (chunks.Count == 0 && note is not null)
            chunks.Add(new ListingChunk(EmptyPage, null, false, note));

        held = emitUpTo == input.Count ? new List<CloudObject>() : input.GetRange(emitUpTo, input.Count - emitUpTo);
        if (input.Count > 0)
            shared.RemoveWhere(f => !input[input.Count - 1].Key.StartsWith(f, StringComparison.Ordinal));
        return chunks;
    }

    /// <summary>A split at <paramref name="point"/> ends the part there: the folders its position lies in that go on
    /// past the point are shared with the part after it.</summary>
    public void SplitAt(string position, string point)
    {
        foreach (string folder in Ancestors(position))
            if (point.StartsWith(folder, StringComparison.Ordinal))
                shared.Add(folder);
    }

    /// <summary>Decides the folders the page ends in; returns how many objects go out now (the rest waits).</summary>
    private int Decide(List<CloudObject> input, List<CloudObject> page, string? lastHeld)
    {
        if (input.Count == 0)
            return 0;
        string lastKey = input[input.Count - 1].Key;
        string? firstOfPage = page.Count > 0 ? page[0].Key : null;
        foreach (string folder in Ancestors(lastKey))
        {
            if (shared.Contains(folder))
                continue;
            // Its objects were waiting from the last page, and this page is all inside it: more than a page.
            if (lastHeld is not null && firstOfPage is not null
                && lastHeld.StartsWith(folder, StringComparison.Ordinal) && firstOfPage.StartsWith(folder, StringComparison.Ordinal))
            {
                shared.Add(folder);
                continue;
            }
            int from = input.Count;
            while (from > 0 && input[from - 1].Key.StartsWith(folder, StringComparison.Ordinal))
                from--;
            return from;
        }
        return input.Count;
    }

    /// <summary>The folders a key lies in, outermost ("", the bucket's root) first.</summary>
    private static IEnumerable<string> Ancestors(string key)
    {
        yield return "";
        for (int slash = key.IndexOf('/'); slash >= 0; slash = key.IndexOf('/', slash + 1))
            yield return key.Substring(0, slash + 1);
    }

    /// <summary>True when the key lies directly in the folder.</summary>
    private static bool InFolder(string key, string folder) =>
        key.Length > folder.Length && key.StartsWith(folder, StringComparison.Ordinal) && key.IndexOf('/', folder.Length) < 0;

    private static readonly CloudListingPage EmptyPage = new(Array.Empty<CloudObject>(), Array.Empty<string>(), null);

    private static CloudListingPage PageOf(List<CloudObject> objects) => new(objects, Array.Empty<string>(), null);
}
