using System;
using System.IO;
using System.Text;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Where ConvertTo-EncordSpec's spec goes: returned as text, written to a file, or nowhere (-WhatIf). It owns
/// the stream, the writer and the writer's section buffers: in memory for text, hidden files beside the target for a
/// file (memory stays flat at a million items), and none at all under -WhatIf, which checks and counts every item
/// but touches no disk.</summary>
internal sealed class SpecOutput : IDisposable
{
    private readonly ISpecWriter writer;
    private readonly MemoryStream? text;
    private readonly AtomicFileWriter? file;

    private SpecOutput(ISpecWriter writer, MemoryStream? text, AtomicFileWriter? file)
    {
        this.writer = writer;
        this.text = text;
        this.file = file;
    }

    /// <summary>A spec returned as one string.</summary>
    public static SpecOutput ToText(SpecFormat format, SpecWriterOptions flags)
    {
        var text = new MemoryStream();
        return new SpecOutput(format == SpecFormat.Csv ? new SpecCsvWriter(text) : SpecJsonWriter.InMemory(text, flags), text, null);
    }

    /// <summary>A spec written to <paramref name="path"/> through a temporary file moved into place on
    /// <see cref="Complete"/>. Throws IOException or UnauthorizedAccessException when the file cannot be written
    /// (its folder is missing, or it exists and <paramref name="overwrite"/> is false).</summary>
    public static SpecOutput ToFile(string path, bool overwrite, SpecFormat format, SpecWriterOptions flags)
    {
        var file = new AtomicFileWriter(path, overwrite);
        string fullPath = Path.GetFullPath(path);
        try
        {
            return new SpecOutput(CreateWriter(format, file.Stream, flags, _ => SectionBufferFile(fullPath)), null, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>-WhatIf: every item is written as usual, into nothing.</summary>
    public static SpecOutput Nowhere(SpecFormat format, SpecWriterOptions flags) =>
        new(CreateWriter(format, Stream.Null, flags, _ => Stream.Null), null, null);

    private static ISpecWriter CreateWriter(SpecFormat format, Stream output, SpecWriterOptions flags, Func<SpecSection, Stream> createBuffer) =>
        format == SpecFormat.Csv ? new SpecCsvWriter(output) : new SpecJsonWriter(output, flags, createBuffer);

    /// <summary>Each section of a JSON spec waits in a hidden file beside the target until the end.</summary>
    private static Stream SectionBufferFile(string targetPath) => AtomicFileWriter.OpenBufferBeside(targetPath);

    /// <summary>Items written so far, per section.</summary>
    public SpecCounts Counts => writer.Counts;

    /// <summary>Writes one item; it must have passed <see cref="Format.SpecItemRules"/>.</summary>
    public void Add(EncordDataItem item) => writer.Add(item);

    /// <summary>Finishes the spec and returns what the cmdlet outputs: the text, the FileInfo of the file now in
    /// place, or null under -WhatIf.</summary>
    public object? Complete()
    {
        writer.Complete();
        if (text is not null)
            return new UTF8Encoding(false).GetString(text.GetBuffer(), 0, (int)text.Length);
        if (file is not null)
        {
            writer.Dispose(); // the section buffers go before the spec is moved into place
            return file.Commit();
        }
        return null;
    }

    /// <summary>Without <see cref="Complete"/> (an error, Ctrl+C) this deletes the temporary and section files.</summary>
    public void Dispose()
    {
        try
        {
            writer.Dispose(); // flushes what it holds: on a full disk that fails again, and the files must go all the same
        }
        catch (IOException)
        {
        }
        finally
        {
            file?.Dispose();
            text?.Dispose();
        }
    }
}
