using System;
using System.Collections.Generic;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Writes a stream of items as one spec, or as several when it exceeds the per-file limits: a new spec starts
/// where the next item would take the current one over a limit, so items keep their input order across the specs, a
/// group or series is never split, and each spec is complete on its own (its top-level flags repeated). Only the spec
/// being filled is open; each one is handed to the <see cref="ISpecDestination"/> as soon as it is full.</summary>
internal sealed class SpecSplitter : IDisposable
{
    private readonly SpecFormat format;
    private readonly SpecWriterOptions flags;
    private readonly SpecFileLimits limits;
    private readonly ISpecDestination destination;
    private readonly List<SpecCounts> finished = new();
    private ISpecWriter? current;
    private bool completed;

    public SpecSplitter(SpecFormat format, SpecWriterOptions flags, SpecFileLimits limits, ISpecDestination destination)
    {
        this.format = format;
        this.flags = flags;
        this.limits = limits;
        this.destination = destination;
    }

    /// <summary>Every item written so far, in all specs.</summary>
    public SpecCounts Counts { get; } = new();

    /// <summary>The specs begun so far: the finished ones and the one being filled.</summary>
    public int Specs => finished.Count + (current is null ? 0 : 1);

    /// <summary>Writes one item; it must have passed <see cref="SpecItemRules"/> and <see cref="SpecFileLimits.CheckItem"/>.</summary>
    public void Add(EncordDataItem item)
    {
        if (completed) throw new InvalidOperationException("The specs are already complete.");
        if (limits.CheckItem(item) is { } problem)
            throw new InvalidOperationException(problem.Message);
        if (current is not null && !limits.Fits(current.Counts, item))
            Finish(last: false);
        current ??= Start();
        current.Add(item);
        Counts.Count(item);
    }

    /// <summary>Finishes the last spec (an input without items still makes one, empty) and returns what each spec
    /// holds, in order.</summary>
    public IReadOnlyList<SpecCounts> Complete()
    {
        if (!completed)
        {
            current ??= Start();
            Finish(last: true);
            completed = true;
        }
        return finished;
    }

    private ISpecWriter Start() => format == SpecFormat.Csv
        ? new SpecCsvWriter(destination.CreateBuffer())
        : new SpecJsonWriter(flags, _ => destination.CreateBuffer());

    private void Finish(bool last)
    {
        var spec = current!;
        current = null;
        finished.Add(spec.Counts);
        destination.Finish(spec, finished.Count, last);
    }

    /// <summary>Without <see cref="Complete"/> (an error, Ctrl+C) this drops the spec being filled and its buffers;
    /// the destination, disposed by its owner, removes what it holds of the finished ones.</summary>
    public void Dispose()
    {
        current?.Dispose();
        current = null;
    }
}
