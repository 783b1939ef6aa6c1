using System;
using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Entries in the merge's order that can be read once, from start to end, by <see cref="SourceMerge"/>: a
/// data file that turned out to be in key order (read again from the file), a sorted run written to a temporary file,
/// or a small sorted run kept in memory. Its first and last entries are known before it is opened, so the merge opens
/// a source only when the output reaches it: data files that cover key ranges one after another (as S3 writes them)
/// are read one at a time.</summary>
internal abstract class SortedSource
{
    protected SortedSource(InventoryEntry first, InventoryEntry last, long count)
    {
        First = first;
        Last = last;
        Count = count;
    }

    public InventoryEntry First { get; }
    public InventoryEntry Last { get; }
    public long Count { get; }

    /// <summary>The entries, from <see cref="First"/> to <see cref="Last"/>; disposing the enumerator closes what it opened.</summary>
    public abstract IEnumerable<InventoryEntry> Read(CancellationToken cancellationToken);

    /// <summary>Releases what the source holds (a temporary file, entries in memory) once it has been merged.</summary>
    public virtual void Release() { }
}

/// <summary>The first <see cref="SortedSource.Count"/> objects of a data file whose rows are in key order up to there,
/// read again from the (local) file.</summary>
internal sealed class DataFileSource : SortedSource
{
    private readonly Func<CancellationToken, IEnumerable<InventoryEntry>> readFile;

    public DataFileSource(Func<CancellationToken, IEnumerable<InventoryEntry>> readFile, InventoryEntry first, InventoryEntry last, long count)
        : base(first, last, count) => this.readFile = readFile;

    public override IEnumerable<InventoryEntry> Read(CancellationToken cancellationToken)
    {
        long left = Count;
        foreach (var entry in readFile(cancellationToken))
        {
            if (left-- == 0)
                yield break;
            yield return entry;
        }
    }
}

/// <summary>A sorted run in a temporary file (<see cref="RunFile"/>), deleted as soon as it has been read.</summary>
internal sealed class RunFileSource : SortedSource
{
    private readonly string path;

    public RunFileSource(string path, InventoryEntry first, InventoryEntry last, long count) : base(first, last, count) => this.path = path;

    public override IEnumerable<InventoryEntry> Read(CancellationToken cancellationToken)
    {
        using var reader = new RunFile.Reader(path);
        while (reader.TryRead(out var entry))
            yield return entry;
    }
}

/// <summary>A small sorted run kept in memory instead of a temporary file.</summary>
internal sealed class MemoryRunSource : SortedSource
{
    private InventoryEntry[] entries;

    public MemoryRunSource(InventoryEntry[] entries, int count) : base(entries[0], entries[count - 1], count) => this.entries = entries;

    public override IEnumerable<InventoryEntry> Read(CancellationToken cancellationToken)
    {
        for (int i = 0; i < Count; i++)
        {
            var entry = entries[i];
            entries[i] = default; // merged objects are not held twice
            yield return entry;
        }
    }

    public override void Release() => entries = Array.Empty<InventoryEntry>();
}
