using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Puts a report's objects into the store's key order in bounded memory: each data file's reader collects
/// up to a run's length of objects, sorts them and writes them to a temporary file (an external merge sort), and the
/// sorted runs are then merged. Reports of less than one run stay in memory. Ties (the same key, only with all
/// versions) keep the report's order: data file, then row.</summary>
internal sealed class SortedRuns : IDisposable
{
    private readonly IComparer<string> keyOrder;
    private readonly int runLength;
    private readonly string directory;
    private readonly List<IRun> runs = new();
    private long keptInMemory;
    private int spilled;
    private bool directoryMade;

    public SortedRuns(IComparer<string> keyOrder, int runLength, string? temporaryDirectory)
    {
        this.keyOrder = keyOrder;
        this.runLength = Math.Max(1, runLength);
        directory = Path.Combine(temporaryDirectory ?? Path.GetTempPath(), "encordspec-inventory-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Runs written to temporary files so far.</summary>
    public int SpilledRuns => spilled;

    /// <summary>The folder the runs are written to (made on first use, deleted on dispose).</summary>
    public string Directory
    {
        get
        {
            lock (runs)
            {
                if (!directoryMade)
                {
                    System.IO.Directory.CreateDirectory(directory);
                    directoryMade = true;
                }
            }
            return directory;
        }
    }

    /// <summary>A collector for data file <paramref name="fileIndex"/>; used by one thread.</summary>
    public Collector For(int fileIndex) => new(this, fileIndex);

    internal sealed class Collector
    {
        private readonly SortedRuns owner;
        private readonly long sequenceBase;
        private Entry[] buffer;
        private int count;
        private long row;

        public Collector(SortedRuns owner, int fileIndex)
        {
            this.owner = owner;
            sequenceBase = (long)fileIndex << 40;
            buffer = new Entry[Math.Min(owner.runLength, 4096)];
        }

        public void Add(CloudObject cloudObject)
        {
            if (count == buffer.Length)
            {
                if (count == owner.runLength)
                    Flush(final: false);
                else
                    Array.Resize(ref buffer, Math.Min(owner.runLength, buffer.Length * 2));
            }
            buffer[count++] = new Entry(cloudObject, sequenceBase + row++);
        }

        /// <summary>The file is read: its last run is kept.</summary>
        public void Complete() => Flush(final: true);

        private void Flush(bool final)
        {
            if (count == 0) return;
            Array.Sort(buffer, 0, count, owner.EntryComparer);
            owner.Keep(buffer, count, final);
            buffer = final ? Array.Empty<Entry>() : new Entry[owner.runLength];
            count = 0;
        }
    }

    private void Keep(Entry[] sorted, int count, bool final)
    {
        // A file's last run may stay in memory while all such runs together stay under one run's length.
        if (final)
        {
            lock (runs)
            {
                if (keptInMemory + count <= runLength)
                {
                    keptInMemory += count;
                    runs.Add(new MemoryRun(sorted, count));
                    return;
                }
            }
        }
        string path = Path.Combine(Directory, $"run-{Interlocked.Increment(ref spilled):D5}.bin");
        RunFile.Write(path, sorted, count);
        lock (runs)
            runs.Add(new FileRun(path));
    }

    /// <summary>Every kept object, in order. Call once, after every collector completed.</summary>
    public IEnumerable<CloudObject> Merge(CancellationToken cancellationToken)
    {
        var heap = new RunHeap(EntryComparer);
        foreach (var run in runs)
            if (run.MoveNext())
                heap.Push(run);
        long emitted = 0;
        while (heap.Count > 0)
        {
            if ((++emitted & 0xFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var run = heap.Peek();
            yield return run.Current.Object;
            if (run.MoveNext())
                heap.ReplaceTop(run);
            else
                heap.Pop();
        }
    }

    private IComparer<Entry>? entryComparer;

    private IComparer<Entry> EntryComparer => entryComparer ??= new EntryOrder(keyOrder);

    public void Dispose()
    {
        foreach (var run in runs)
            run.Dispose();
        runs.Clear();
        if (directoryMade)
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a virus scanner or the like: the system's temp clean-up removes it.
            }
        }
    }

    internal readonly struct Entry
    {
        public Entry(CloudObject cloudObject, long sequence)
        {
            Object = cloudObject;
            Sequence = sequence;
        }

        public CloudObject Object { get; }
        /// <summary>File index (high bits) and row within the file: the report's own order, for ties.</summary>
        public long Sequence { get; }
    }

    private sealed class EntryOrder : IComparer<Entry>
    {
        private readonly IComparer<string> keyOrder;

        public EntryOrder(IComparer<string> keyOrder) => this.keyOrder = keyOrder;

        public int Compare(Entry x, Entry y)
        {
            int byBucket = string.CompareOrdinal(x.Object.Bucket, y.Object.Bucket);
            if (byBucket != 0) return byBucket;
            int byKey = keyOrder.Compare(x.Object.Key, y.Object.Key);
            return byKey != 0 ? byKey : x.Sequence.CompareTo(y.Sequence);
        }
    }

    internal interface IRun : IDisposable
    {
        bool MoveNext();
        Entry Current { get; }
    }

    private sealed class MemoryRun : IRun
    {
        private Entry[] entries;
        private readonly int count;
        private int next;

        public MemoryRun(Entry[] entries, int count)
        {
            this.entries = entries;
            this.count = count;
        }

        public Entry Current { get; private set; }

        public bool MoveNext()
        {
            if (next >= count)
            {
                entries = Array.Empty<Entry>();
                return false;
            }
            Current = entries[next];
            entries[next++] = default; // merged objects are not held twice
            return true;
        }

        public void Dispose() => entries = Array.Empty<Entry>();
    }

    private sealed class FileRun : IRun
    {
        private readonly RunFile.Reader reader;

        public FileRun(string path) => reader = new RunFile.Reader(path);

        public Entry Current { get; private set; }

        public bool MoveNext()
        {
            if (!reader.TryRead(out var entry))
                return false;
            Current = entry;
            return true;
        }

        public void Dispose() => reader.Dispose();
    }

    /// <summary>A binary min-heap of runs by their current entry: the k-way merge.</summary>
    private sealed class RunHeap
    {
        private readonly List<IRun> items = new();
        private readonly IComparer<Entry> order;

        public RunHeap(IComparer<Entry> order) => this.order = order;

        public int Count => items.Count;
        public IRun Peek() => items[0];

        public void Push(IRun run)
        {
            items.Add(run);
            int i = items.Count - 1;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (Less(parent, i)) break;
                (items[i], items[parent]) = (items[parent], items[i]);
                i = parent;
            }
        }

        public void Pop()
        {
            int last = items.Count - 1;
            items[0] = items[last];
            items.RemoveAt(last);
            if (items.Count > 0)
                SiftDown();
        }

        /// <summary>The top run moved on to its next entry.</summary>
        public void ReplaceTop(IRun run)
        {
            items[0] = run;
            SiftDown();
        }

        private void SiftDown()
        {
            int i = 0;
            while (true)
            {
                int left = 2 * i + 1, right = left + 1, smallest = i;
                if (left < items.Count && Less(left, smallest)) smallest = left;
                if (right < items.Count && Less(right, smallest)) smallest = right;
                if (smallest == i) return;
                (items[i], items[smallest]) = (items[smallest], items[i]);
                i = smallest;
            }
        }

        private bool Less(int a, int b) => order.Compare(items[a].Current, items[b].Current) < 0;
    }
}
