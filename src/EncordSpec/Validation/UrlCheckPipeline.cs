using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace EncordSpec.Validation;

/// <summary>Runs <see cref="UrlChecks"/> on a second thread while the reader goes on parsing, for large specs that
/// are only checked: the URL checks and the duplicate table take about half the CPU time of checking a million URLs,
/// which a second core then spends alongside the parsing. The reader hands over URLs in batches (text copied,
/// everything else captured in a <see cref="UrlCheckRequest"/>); the findings come back per batch, and the reader
/// delivers them in file order, before any finding of its own that comes later in the file.</summary>
internal sealed class UrlCheckPipeline : IDisposable
{
    private const int BatchUrls = 2048;
    private const int BatchChars = 256 * 1024;

    private readonly UrlChecks checks;
    private readonly BlockingCollection<Batch> pending = new(boundedCapacity: 4);
    private readonly Queue<Batch> inFlight = new();
    // Finished batches are reused: a fresh batch for every 2,048 URLs kept the garbage collector's young generation
    // full and raised the peak memory of checking a million URLs from about 165 MB to 200-260 MB, past the 200 MB
    // target (smaller batches, which stay off the large object heap, did no better).
    private readonly Stack<Batch> free = new();
    private readonly Thread worker;
    private readonly object progress = new();
    private long submitted;
    private long completed;
    private Exception? failure;
    private Batch current = new();

    public UrlCheckPipeline(UrlChecks checks)
    {
        this.checks = checks;
        worker = new Thread(Work) { IsBackground = true, Name = "EncordSpec URL checks" };
        worker.Start();
    }

    /// <summary>Whether a URL fits a batch. One that does not (megabytes long) is better checked on the reader's
    /// thread after <see cref="Flush"/> than copied: the copy would add twice its size to the peak memory.</summary>
    public bool Takes(ReadOnlySpan<char> url) => url.Length <= BatchChars;

    /// <summary>Queues one URL that the pipeline <see cref="Takes"/>. Findings of finished batches are handed to
    /// <paramref name="deliver"/> on the way.</summary>
    public void Add(ReadOnlySpan<char> url, in UrlCheckRequest request, Action<SpecFinding> deliver)
    {
        if (!current.TryAdd(url, request))
        {
            Submit();
            DeliverFinished(deliver, wait: false);
            current.TryAdd(url, request); // an empty batch takes any URL the pipeline takes
        }
    }

    /// <summary>Waits until every URL queued so far is checked and delivers all their findings, in order.</summary>
    public void Flush(Action<SpecFinding> deliver)
    {
        if (current.Count > 0) Submit();
        DeliverFinished(deliver, wait: true);
    }

    private void Submit()
    {
        current.Sequence = ++submitted;
        inFlight.Enqueue(current);
        pending.Add(current);
        current = free.Count > 0 ? free.Pop() : new Batch();
    }

    private void DeliverFinished(Action<SpecFinding> deliver, bool wait)
    {
        while (inFlight.Count > 0)
        {
            var batch = inFlight.Peek();
            lock (progress)
            {
                while (wait && completed < batch.Sequence && failure is null)
                    Monitor.Wait(progress);
                if (failure is not null)
                    throw new InvalidOperationException("Checking object URLs failed: " + failure.Message, failure);
                if (completed < batch.Sequence)
                    return;
            }
            inFlight.Dequeue();
            foreach (var finding in batch.Findings)
                deliver(finding);
            batch.Clear();
            free.Push(batch);
        }
    }

    private void Work()
    {
        try
        {
            foreach (var batch in pending.GetConsumingEnumerable())
            {
                batch.CheckAll(checks);
                lock (progress)
                {
                    completed = batch.Sequence;
                    Monitor.PulseAll(progress);
                }
            }
        }
        catch (Exception e)
        {
            lock (progress)
            {
                failure = e;
                Monitor.PulseAll(progress);
            }
        }
    }

    public void Dispose()
    {
        pending.CompleteAdding();
        worker.Join();
        pending.Dispose();
    }

    /// <summary>URLs to check: their text side by side in one buffer, and what each needs besides.</summary>
    private sealed class Batch
    {
        private readonly char[] chars = new char[BatchChars];
        private readonly UrlCheckRequest[] requests = new UrlCheckRequest[BatchUrls];
        private readonly int[] starts = new int[BatchUrls];
        private readonly int[] lengths = new int[BatchUrls];
        private int charCount;

        public long Sequence;
        public int Count;
        public readonly List<SpecFinding> Findings = new();

        public bool TryAdd(ReadOnlySpan<char> url, in UrlCheckRequest request)
        {
            if (Count == BatchUrls || charCount + url.Length > chars.Length)
                return false;
            url.CopyTo(chars.AsSpan(charCount));
            starts[Count] = charCount;
            lengths[Count] = url.Length;
            requests[Count] = request;
            charCount += url.Length;
            Count++;
            return true;
        }

        public void CheckAll(UrlChecks checks)
        {
            for (int i = 0; i < Count; i++)
                checks.Check(new ReadOnlySpan<char>(chars, starts[i], lengths[i]), requests[i], Findings);
        }

        public void Clear()
        {
            Count = 0;
            charCount = 0;
            Findings.Clear();
        }
    }
}
