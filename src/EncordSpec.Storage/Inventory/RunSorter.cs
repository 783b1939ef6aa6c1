using System;
using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Sorts the objects of data files that are not in key order, in bounded memory (an external sort): each
/// file's collector sorts up to a run's length of entries at a time and writes them to a temporary run file. A file's
/// last, short run stays in memory while such runs together hold at most a quarter of the run length, so small
/// reports need no temporary files.</summary>
internal sealed class RunSorter
{
    private readonly IComparer<InventoryEntry> order;
    private readonly int runLength;
    private readonly Func<string> newRunPath;
    private long keptInMemory;

    /// <param name="runLength">Entries one collector holds before it writes them out as a run.</param>
    public RunSorter(IComparer<InventoryEntry> order, int runLength, Func<string> newRunPath)
    {
        this.order = order;
        this.runLength = Math.Max(1, runLength);
        this.newRunPath = newRunPath;
    }

    /// <summary>Runs written to temporary files so far.</summary>
    public int RunsWritten => runsWritten;

    private int runsWritten;

    /// <summary>A collector for one data file, used by one thread.</summary>
    public Collector Start() => new(this);

    internal sealed class Collector
    {
        private readonly RunSorter owner;
        private readonly List<SortedSource> runs = new();
        private InventoryEntry[] buffer;
        private int count;

        public Collector(RunSorter owner)
        {
            this.owner = owner;
            buffer = new InventoryEntry[Math.Min(owner.runLength, 4096)];
        }

        public void Add(InventoryEntry entry)
        {
            if (count == buffer.Length)
            {
                if (count == owner.runLength)
                    Flush(last: false);
                else
                    Array.Resize(ref buffer, Math.Min(owner.runLength, buffer.Length * 2));
            }
            buffer[count++] = entry;
        }

        /// <summary>The file is read: its runs, sorted, as sources for the merge.</summary>
        public List<SortedSource> Finish()
        {
            Flush(last: true);
            return runs;
        }

        private void Flush(bool last)
        {
            if (count == 0)
                return;
            Array.Sort(buffer, 0, count, owner.order);
            if (last && owner.KeepInMemory(count))
            {
                runs.Add(new MemoryRunSource(buffer, count));
            }
            else
            {
                runs.Add(RunFile.Write(owner.newRunPath(), Sorted(buffer, count))!);
                Interlocked.Increment(ref owner.runsWritten);
                Array.Clear(buffer, 0, count);
            }
            if (last)
                buffer = Array.Empty<InventoryEntry>();
            count = 0;
        }

        private static IEnumerable<InventoryEntry> Sorted(InventoryEntry[] entries, int count)
        {
            for (int i = 0; i < count; i++)
                yield return entries[i];
        }
    }

    private bool KeepInMemory(int count)
    {
        long kept = Interlocked.Add(ref keptInMemory, count);
        if (kept <= runLength / 4)
            return true;
        Interlocked.Add(ref keptInMemory, -count);
        return false;
    }
}
