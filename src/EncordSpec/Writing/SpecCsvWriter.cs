using System;
using System.IO;
using CsvHelper;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Writes a CSV spec as items arrive: the header "ObjectUrl,Image group title,Create video", one row per
/// single file (title and flag blank) and one row per image of a group. RFC 4180: CRLF line ends, fields quoted
/// only when they need it. What CSV cannot express is rejected by <see cref="SpecItemRules.CsvLimitation"/>. The rows
/// wait in a buffer (a temporary file when writing to disk) until <see cref="Complete"/> copies them out, or
/// <see cref="CompleteInPlace"/> makes that buffer the document itself (it holds the whole document from its start).</summary>
internal sealed class SpecCsvWriter : ISpecWriter
{
    private readonly Stream buffer;
    private readonly CsvWriter csv;
    private bool csvClosed;

    /// <param name="buffer">Holds the rows until the document is complete; the writer disposes it.</param>
    public SpecCsvWriter(Stream buffer)
    {
        this.buffer = buffer;
        csv = CsvWriter.Create(buffer, new CsvWriterOptions(), leaveOpen: true);
        // WriteRecord, not WriteHeader(string[]): CsvHelper's net10.0 build lacks that overload, and the xunit host
        // loads the net10.0 build while pwsh loads the netstandard2.0 one; the bytes written are the same.
        csv.WriteRecord(SpecKeys.CsvHeaders);
    }

    public SpecCounts Counts { get; } = new();

    public void Add(EncordDataItem item)
    {
        string? limitation = SpecItemRules.CsvLimitation(item);
        if (limitation is not null)
            throw new InvalidOperationException(limitation);

        switch (item)
        {
            case EncordSingleItem single:
                csv.WriteRecord(new[] { single.ObjectUrl, "", "" });
                break;
            case EncordImageGroup group:
                string createVideo = group.CreateVideo ? "true" : "false";
                foreach (string url in group.ObjectUrls)
                    csv.WriteRecord(new[] { url, group.Title ?? "", createVideo });
                break;
        }
        Counts.Count(item);
    }

    public Stream? DocumentStart => buffer;

    public void CompleteInPlace()
    {
        csvClosed = true;
        csv.Dispose(); // flushes the last rows; the buffer stays open (leaveOpen) for its new owner
        buffer.Flush();
    }

    public void Complete(Stream output)
    {
        csv.Flush();
        buffer.Position = 0;
        buffer.CopyTo(output);
        output.Flush();
    }

    public void Dispose()
    {
        try
        {
            if (!csvClosed)
                csv.Dispose(); // flushes: on a full disk that fails, and the buffer must still go
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
