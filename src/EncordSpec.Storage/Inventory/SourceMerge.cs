using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Merges sorted sources into one sequence in the merge's order (a k-way merge), with at most
/// <see cref="MaxOpen"/> sources open at once whatever their number. A source is opened only when the output reaches
/// its first entry and closed after its last, so sources that cover key ranges one after another cost one open
/// source; where more than <see cref="MaxOpen"/> of them overlap, groups of them are first merged into temporary
/// run files until few enough overlap.</summary>
internal sealed class SourceMerge
{
    private readonly IComparer<InventoryEntry> order;
    private readonly Func<string> newRunPath;

    public SourceMerge(IComparer<InventoryEntry> order, int maxOpen, Func<string> newRunPath)
    {
        this.order = order;
        MaxOpen = Math.Max(2, maxOpen);
        this.newRunPath = newRunPath;
    }

    /// <summary>The most sources read at the same time: each holds a file's read buffers (or a Parquet row group).</summary>
    public int MaxOpen { get; }

    /// <summary>Runs written to bring the overlap down to <see cref="MaxOpen"/>.</summary>
    public int IntermediateRuns { get; private set; }

    /// <summary>Every entry of every source, in order; each source is released once read.</summary>
    public IEnumerable<InventoryEntry> Merge(IReadOnlyList<SortedSource> sources, CancellationToken cancellationToken) =>
        MergeOpeningLazily(Narrow(sources, cancellationToken), cancellationToken);

    /// <summary>The most sources whose ranges (first to last entry) overlap at one point: how many a merge of them
    /// holds open at once.</summary>
    public int MaxOverlap(IEnumerable<SortedSource> sources)
    {
        var ends = new BinaryHeap<InventoryEntry>(order);
        int most = 0;
        foreach (var source in sources.OrderBy(s => s.First, order))
        {
            while (ends.Count > 0 && order.Compare(ends.Peek(), source.First) < 0)
                ends.Pop();
            ends.Push(source.Last);
            most = Math.Max(most, ends.Count);
        }
        return most;
    }

    private List<SortedSource> Narrow(IReadOnlyList<SortedSource> sources, CancellationToken cancellationToken)
    {
        var current = sources.ToList();
        while (MaxOverlap(current) > MaxOpen)
        {
            var byFirst = current.OrderBy(s => s.First, order).ToList();
            current = new List<SortedSource>();
            for (int start = 0; start < byFirst.Count; start += MaxOpen)
            {
                var group = byFirst.GetRange(start, Math.Min(MaxOpen, byFirst.Count - start));
                if (group.Count == 1)
                {
                    current.Add(group[0]);
                    continue;
                }
                current.Add(RunFile.Write(newRunPath(), MergeOpeningLazily(group, cancellationToken))!);
                IntermediateRuns++;
            }
        }
        return current;
    }

    private IEnumerable<InventoryEntry> MergeOpeningLazily(List<SortedSource> sources, CancellationToken cancellationToken)
    {
        var pending = sources.OrderBy(s => s.First, order).ToList();
        var open = new BinaryHeap<Cursor>(new CursorOrder(order));
        int next = 0;
        long emitted = 0;
        try
        {
            while (true)
            {
                // Open every source that may hold the next entry: those starting at or before the smallest one open.
                while (next < pending.Count && (open.Count == 0 || order.Compare(pending[next].First, open.Peek().Current) <= 0))
                {
                    var cursor = new Cursor(pending[next++], cancellationToken);
                    if (cursor.MoveNext())
                        open.Push(cursor);
                    else
                        cursor.Dispose();
                }
                if (open.Count == 0)
                    yield break;
                if ((++emitted & 0xFFF) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                var top = open.Peek();
                yield return top.Current;
                if (top.MoveNext())
                {
                    open.TopChanged();
                }
                else
                {
                    open.Pop();
                    top.Dispose();
                }
            }
        }
        finally
        {
            while (open.Count > 0)
                open.Pop().Dispose();
        }
    }

    /// <summary>An open source and its current entry.</summary>
    private sealed class Cursor : IDisposable
    {
        private readonly SortedSource source;
        private readonly IEnumerator<InventoryEntry> entries;

        public Cursor(SortedSource source, CancellationToken cancellationToken)
        {
            this.source = source;
            entries = source.Read(cancellationToken).GetEnumerator();
        }

        public InventoryEntry Current => entries.Current;

        public bool MoveNext() => entries.MoveNext();

        public void Dispose()
        {
            entries.Dispose();
            source.Release();
        }
    }

    private sealed class CursorOrder : IComparer<Cursor>
    {
        private readonly IComparer<InventoryEntry> order;

        public CursorOrder(IComparer<InventoryEntry> order) => this.order = order;

        public int Compare(Cursor? x, Cursor? y) => order.Compare(x!.Current, y!.Current);
    }
}
