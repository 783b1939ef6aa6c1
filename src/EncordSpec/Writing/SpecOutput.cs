using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Where ConvertTo-EncordSpec's specs go: returned as text, written to files, or nowhere (-WhatIf). The input
/// is split into several specs where it exceeds the per-file limits (<see cref="SpecSplitter"/>). Text keeps each spec
/// in memory; files are written through hidden files beside the target and appear together at the end
/// (<see cref="SpecFileSet"/>); -WhatIf checks and counts every item, names the files it would write, and touches no
/// disk.</summary>
internal sealed class SpecOutput : IDisposable
{
    private readonly SpecSplitter splitter;
    private readonly ISpecDestination destination;
    private readonly SpecFileNames? names;

    private SpecOutput(SpecFormat format, SpecWriterOptions flags, SpecFileLimits limits, ISpecDestination destination, SpecFileNames? names)
    {
        this.destination = destination;
        this.names = names;
        splitter = new SpecSplitter(format, flags, limits, destination);
    }

    /// <summary>Specs returned as strings, one per spec.</summary>
    public static SpecOutput ToText(SpecFormat format, SpecWriterOptions flags, SpecFileLimits limits) =>
        new(format, flags, limits, new TextDestination(), null);

    /// <summary>Specs written to the files <paramref name="names"/> gives (<see cref="SpecFileSet"/> says what
    /// <paramref name="overwrite"/> does). Throws IOException or UnauthorizedAccessException when they cannot be
    /// written.</summary>
    public static SpecOutput ToFiles(SpecFileNames names, bool overwrite, SpecFormat format, SpecWriterOptions flags, SpecFileLimits limits) =>
        new(format, flags, limits, new SpecFileSet(names, overwrite), names);

    /// <summary>-WhatIf: every item is written as usual, into nothing; <see cref="Parts"/> names the files a real run
    /// would write.</summary>
    public static SpecOutput Nowhere(SpecFileNames names, SpecFormat format, SpecWriterOptions flags, SpecFileLimits limits) =>
        new(format, flags, limits, new NoDestination(), names);

    /// <summary>Items written so far, per section, in all specs.</summary>
    public SpecCounts Counts => splitter.Counts;

    /// <summary>The specs begun so far.</summary>
    public int Specs => splitter.Specs;

    /// <summary>The finished specs, in order, once <see cref="Complete"/> returned.</summary>
    public IReadOnlyList<SpecPart> Parts { get; private set; } = Array.Empty<SpecPart>();

    /// <summary>Writes one item; it must have passed <see cref="SpecItemRules"/> and <see cref="SpecFileLimits.CheckItem"/>.
    /// Throws IOException or UnauthorizedAccessException when a finished spec cannot be written.</summary>
    public void Add(EncordDataItem item) => splitter.Add(item);

    /// <summary>Finishes the last spec and returns what the cmdlet outputs, in order: a string per spec, the FileInfo
    /// of every file now in place, or nothing under -WhatIf.</summary>
    public IReadOnlyList<object> Complete()
    {
        var specs = splitter.Complete();
        var outputs = destination.Complete();
        Parts = specs.Select((counts, i) => new SpecPart(i + 1, counts, names?.For(i + 1, last: i == specs.Count - 1))).ToList();
        return outputs;
    }

    /// <summary>After <see cref="Complete"/>: files of an earlier, larger set at the path that the new set does not
    /// replace. -Force removes them (<see cref="RemoveStaleFiles"/>); under -WhatIf they are the ones it would remove.</summary>
    public IReadOnlyList<string> StaleFiles() =>
        names?.StaleBeside(Parts.Select(part => part.Path!)) ?? Array.Empty<string>();

    /// <summary>Removes <see cref="StaleFiles"/>, and returns each with the error that kept it (null when it is gone).</summary>
    public IReadOnlyList<(string Path, Exception? Error)> RemoveStaleFiles() =>
        StaleFiles().Select(path => (path, Delete(path))).ToList();

    private static Exception? Delete(string path)
    {
        try
        {
            File.Delete(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }

    /// <summary>Without <see cref="Complete"/> (an error, Ctrl+C) this deletes every temporary and buffer file.</summary>
    public void Dispose()
    {
        splitter.Dispose();
        destination.Dispose();
    }

    private sealed class TextDestination : ISpecDestination
    {
        private readonly List<object> texts = new();

        public Stream CreateBuffer() => new MemoryStream();

        public void Finish(ISpecWriter spec, int number, bool last)
        {
            using (spec)
            using (var text = new MemoryStream())
            {
                spec.Complete(text);
                texts.Add(new UTF8Encoding(false).GetString(text.GetBuffer(), 0, (int)text.Length));
            }
        }

        public IReadOnlyList<object> Complete() => texts;

        public void Dispose() { }
    }

    private sealed class NoDestination : ISpecDestination
    {
        public Stream CreateBuffer() => Stream.Null;

        public void Finish(ISpecWriter spec, int number, bool last)
        {
            using (spec)
                spec.Complete(Stream.Null);
        }

        public IReadOnlyList<object> Complete() => Array.Empty<object>();

        public void Dispose() { }
    }
}
