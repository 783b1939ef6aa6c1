using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using EncordSpec.Media;

namespace EncordSpec.Storage.Media;

/// <summary>A PDF's page count, read as a PDF reader finds it: "startxref" in the last bytes gives the
/// cross-reference section (a classic table or, since PDF 1.5, a compressed xref stream), whose trailer names the
/// catalog; the catalog's /Pages is the page tree, whose /Count is the number of pages. Objects kept in compressed
/// object streams are read from there. A linearized ("fast web view") file says its page count in its first bytes,
/// and is believed when its stated length is the file's. No library fits (PdfPig and PDFsharp read whole documents
/// from a seekable stream), so this reads only the few objects on that path.</summary>
internal sealed class PdfProbe
{
    /// <summary>The end of the file read to find "startxref" (the format puts it in the last 1,024 bytes).</summary>
    private const int TailBytes = 1024;
    /// <summary>What is read at an object's offset first; doubled while the object runs past it.</summary>
    private const int ObjectReadBytes = 4096;
    private const int MaxObjectBytes = 16 * 1024 * 1024;
    /// <summary>Incremental updates add a section each; more than this many is a loop.</summary>
    private const int MaxSections = 256;

    private readonly ObjectBytes bytes;
    private readonly List<XrefSection> sections = new();
    private readonly Dictionary<int, (Dictionary<string, object?> Dictionary, byte[] Data)> objectStreams = new();

    private PdfProbe(ObjectBytes bytes) => this.bytes = bytes;

    public static async Task<MediaMetadata> ReadAsync(ObjectBytes bytes)
    {
        int pages;
        try
        {
            pages = LinearizedPageCount(bytes) ?? await new PdfProbe(bytes).CountPagesAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or PdfTruncatedException or InvalidCastException)
        {
            throw new MediaProbeException($"{bytes.Name}: the PDF's page count could not be found: {e.Message}.", e);
        }
        return new MediaMetadata { MimeType = "application/pdf", PageCount = pages };
    }

    /// <summary>/N of the linearization dictionary, the file's first object, when its /L is the file's length
    /// (an update appended later would make both stale).</summary>
    private static int? LinearizedPageCount(ObjectBytes bytes)
    {
        try
        {
            var syntax = new PdfSyntax(bytes.Head, 0, endIsFileEnd: bytes.Head.Length >= bytes.Length);
            if (syntax.ReadToken() is not long number)
                return null;
            syntax.Position = 0;
            return syntax.ReadIndirectObject((int)number) is Dictionary<string, object?> first
                && first.ContainsKey("Linearized") && first.TryGetValue("L", out var length) && length is long l && l == bytes.Length
                && first.TryGetValue("N", out var pages) && pages is long n
                ? (int)n
                : null;
        }
        catch (Exception e) when (e is FormatException or PdfTruncatedException)
        {
            return null;
        }
    }

    private async Task<int> CountPagesAsync()
    {
        long tailStart = Math.Max(0, bytes.Length - TailBytes);
        byte[] tail = await bytes.GetAsync(tailStart, (int)(bytes.Length - tailStart)).ConfigureAwait(false);
        int keyword = LastIndexOf(tail, "startxref");
        if (keyword < 0)
            throw new FormatException($"no \"startxref\" in its last {TailBytes:N0} bytes");
        var syntax = new PdfSyntax(tail, keyword + "startxref".Length, endIsFileEnd: true);
        if (syntax.ReadToken() is not long xrefOffset || xrefOffset < 0 || xrefOffset >= bytes.Length)
            throw new FormatException("\"startxref\" is not followed by an offset within the file");

        var trailer = await ReadSectionsAsync(xrefOffset).ConfigureAwait(false);
        if (!trailer.TryGetValue("Root", out var root) || root is not PdfReference catalogReference)
            throw new FormatException("its trailer names no catalog (/Root)");
        var catalog = await ReadDictionaryAsync(catalogReference, "catalog").ConfigureAwait(false);
        if (!catalog.TryGetValue("Pages", out var pages) || pages is not PdfReference pagesReference)
            throw new FormatException("its catalog names no page tree (/Pages)");
        var pageTree = await ReadDictionaryAsync(pagesReference, "page tree").ConfigureAwait(false);
        object? count = pageTree.TryGetValue("Count", out var value) ? value : null;
        if (count is PdfReference countReference)
            count = await ReadObjectAsync(countReference.Number).ConfigureAwait(false);
        return count is long pageCount and >= 0 and <= int.MaxValue
            ? (int)pageCount
            : throw new FormatException("its page tree has no /Count");
    }

    /// <summary>Reads the cross-reference section at <paramref name="offset"/> and those before it (/Prev, and
    /// /XRefStm of a hybrid file), newest first; returns the newest trailer.</summary>
    private async Task<Dictionary<string, object?>> ReadSectionsAsync(long offset)
    {
        Dictionary<string, object?>? newestTrailer = null;
        var pending = new Queue<long>();
        var seen = new HashSet<long>();
        pending.Enqueue(offset);
        while (pending.Count > 0)
        {
            long next = pending.Dequeue();
            if (!seen.Add(next) || seen.Count > MaxSections)
                continue;
            var section = await ReadSectionAsync(next).ConfigureAwait(false);
            sections.Add(section);
            newestTrailer ??= section.Trailer;
            if (section.Trailer.TryGetValue("XRefStm", out var stream) && stream is long streamOffset)
                pending.Enqueue(streamOffset);
            if (section.Trailer.TryGetValue("Prev", out var prev) && prev is long prevOffset)
                pending.Enqueue(prevOffset);
        }
        return newestTrailer!;
    }

    private Task<XrefSection> ReadSectionAsync(long offset) => ParseAtAsync(offset, (chunk, toEnd) =>
    {
        var syntax = new PdfSyntax(chunk, 0, toEnd);
        syntax.SkipWhitespace();
        if (StartsWith(chunk, syntax.Position, "xref"))
        {
            syntax.Position += 4;
            return ReadTableAsync(offset, chunk, syntax);
        }
        return ReadXrefStreamAsync(offset, syntax);
    });

    /// <summary>Parses what starts at <paramref name="offset"/>: first from what was read already, then from reads of
    /// <see cref="ObjectReadBytes"/>, doubled while the parser runs off their end.</summary>
    private async Task<T> ParseAtAsync<T>(long offset, Func<byte[], bool, Task<T>> parse)
    {
        if (bytes.Cached(offset) is { } cached)
        {
            try
            {
                return await parse(cached, offset + cached.Length >= bytes.Length).ConfigureAwait(false);
            }
            catch (PdfTruncatedException)
            {
            }
        }
        for (int size = ObjectReadBytes; ; size *= 2)
        {
            byte[] chunk = await bytes.GetAsync(offset, size).ConfigureAwait(false);
            bool toEnd = offset + chunk.Length >= bytes.Length;
            try
            {
                return await parse(chunk, toEnd).ConfigureAwait(false);
            }
            catch (PdfTruncatedException) when (!toEnd && size < MaxObjectBytes)
            {
            }
        }
    }

    /// <summary>A classic table: subsections "first count" of 20-byte entries, then "trailer" and its dictionary.
    /// Entries are not parsed here; a lookup reads the one it needs.</summary>
    private async Task<XrefSection> ReadTableAsync(long sectionOffset, byte[] chunk, PdfSyntax syntax)
    {
        var subsections = new List<(int First, int Count, long EntriesOffset)>();
        long chunkOffset = sectionOffset;
        while (true)
        {
            syntax.SkipWhitespace();
            if (StartsWith(chunk, syntax.Position, "trailer"))
            {
                syntax.Position += "trailer".Length;
                if (syntax.ReadValue() is not Dictionary<string, object?> trailer)
                    throw new FormatException($"the trailer after the cross-reference table at {sectionOffset:N0} is not a dictionary");
                return new XrefSection(trailer, subsections, null);
            }
            if (syntax.ReadToken() is not long first || syntax.ReadToken() is not long count || first < 0 || count < 0)
                throw new FormatException($"a damaged cross-reference table at {sectionOffset:N0}");
            // The entries start after the end of line that ends the subsection header.
            syntax.SkipWhitespace();
            long entries = chunkOffset + syntax.Position;
            subsections.Add(((int)first, (int)count, entries));
            long afterEntries = entries + count * 20;
            if (afterEntries - chunkOffset < chunk.Length)
            {
                syntax.Position = (int)(afterEntries - chunkOffset);
            }
            else
            {
                // A table longer than what was read: go on reading where it ends.
                chunkOffset = afterEntries;
                chunk = await bytes.GetAsync(chunkOffset, ObjectReadBytes).ConfigureAwait(false);
                syntax = new PdfSyntax(chunk, 0, chunkOffset + chunk.Length >= bytes.Length);
            }
        }
    }

    /// <summary>A cross-reference stream (PDF 1.5): its dictionary is the trailer, its data rows of /W-sized fields
    /// for the object numbers /Index lists.</summary>
    private async Task<XrefSection> ReadXrefStreamAsync(long offset, PdfSyntax syntax)
    {
        if (syntax.ReadToken() is not long number)
            throw new FormatException($"neither a cross-reference table nor a cross-reference stream at {offset:N0}");
        syntax.Position = 0;
        if (syntax.ReadIndirectObject((int)number) is not Dictionary<string, object?> dictionary || !IsName(dictionary, "Type", "XRef"))
            throw new FormatException($"neither a cross-reference table nor a cross-reference stream at {offset:N0}");
        byte[] data = await ReadStreamDataAsync(offset, syntax, dictionary).ConfigureAwait(false);
        return new XrefSection(dictionary, null, new XrefStream(dictionary, data));
    }

    private async Task<Dictionary<string, object?>> ReadDictionaryAsync(PdfReference reference, string what) =>
        await ReadObjectAsync(reference.Number).ConfigureAwait(false) as Dictionary<string, object?>
        ?? throw new FormatException($"its {what} (object {reference.Number}) is not a dictionary");

    /// <summary>The value of object <paramref name="number"/>, from the newest section that lists it.</summary>
    private async Task<object?> ReadObjectAsync(int number)
    {
        foreach (var section in sections)
        {
            var entry = await section.FindAsync(number, bytes).ConfigureAwait(false);
            if (entry is null)
                continue;
            var (type, field2, field3) = entry.Value;
            return type switch
            {
                1 => await ReadObjectAtAsync(number, field2).ConfigureAwait(false),
                2 => await ReadFromObjectStreamAsync(number, (int)field2, (int)field3).ConfigureAwait(false),
                _ => throw new FormatException($"object {number} is marked free (deleted)"),
            };
        }
        throw new FormatException($"no cross-reference entry for object {number}");
    }

    private Task<object?> ReadObjectAtAsync(int number, long offset) =>
        offset <= 0 || offset >= bytes.Length
            ? throw new FormatException($"object {number} is said to be at {offset:N0}, outside the file")
            : ParseAtAsync(offset, (chunk, toEnd) => Task.FromResult(new PdfSyntax(chunk, 0, toEnd).ReadIndirectObject(number)));

    /// <summary>Object <paramref name="number"/>, the <paramref name="index"/>th of object stream
    /// <paramref name="streamNumber"/>: the stream's data starts with /N pairs "number offset", offsets counted from /First.</summary>
    private async Task<object?> ReadFromObjectStreamAsync(int number, int streamNumber, int index)
    {
        if (!objectStreams.TryGetValue(streamNumber, out var objectStream))
            objectStreams[streamNumber] = objectStream = await ReadObjectStreamAsync(streamNumber).ConfigureAwait(false);
        var (dictionary, data) = objectStream;
        long first = dictionary.TryGetValue("First", out var f) && f is long fl ? fl : throw new FormatException($"object stream {streamNumber} has no /First");
        var header = new PdfSyntax(data, 0, endIsFileEnd: true);
        for (int i = 0; ; i++)
        {
            if (header.ReadToken() is not long listed || header.ReadToken() is not long at)
                throw new FormatException($"object stream {streamNumber} lists fewer than {index + 1} objects");
            if (i < index)
                continue;
            if (listed != number)
                throw new FormatException($"object stream {streamNumber} holds object {listed} where object {number} should be");
            return new PdfSyntax(data, (int)(first + at), endIsFileEnd: true).ReadValue();
        }
    }

    private async Task<(Dictionary<string, object?> Dictionary, byte[] Data)> ReadObjectStreamAsync(int number)
    {
        foreach (var section in sections)
        {
            var entry = await section.FindAsync(number, bytes).ConfigureAwait(false);
            if (entry is null)
                continue;
            if (entry.Value.Type != 1)
                throw new FormatException($"object stream {number} is not stored at an offset of its own");
            long offset = entry.Value.Field2;
            return await ParseAtAsync(offset, async (chunk, toEnd) =>
            {
                var syntax = new PdfSyntax(chunk, 0, toEnd);
                if (syntax.ReadIndirectObject(number) is not Dictionary<string, object?> dictionary || !IsName(dictionary, "Type", "ObjStm"))
                    throw new FormatException($"object {number} is not an object stream");
                return (dictionary, await ReadStreamDataAsync(offset, syntax, dictionary).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }
        throw new FormatException($"no cross-reference entry for object stream {number}");
    }

    /// <summary>The decoded data of the stream whose dictionary <paramref name="syntax"/> has just read.</summary>
    private async Task<byte[]> ReadStreamDataAsync(long objectOffset, PdfSyntax syntax, Dictionary<string, object?> dictionary)
    {
        syntax.ReadStreamKeyword();
        object? lengthValue = dictionary.TryGetValue("Length", out var l) ? l : null;
        if (lengthValue is PdfReference lengthReference)
            lengthValue = await ReadObjectAsync(lengthReference.Number).ConfigureAwait(false);
        if (lengthValue is not long length || length < 0 || length > MaxObjectBytes)
            throw new FormatException($"the stream at {objectOffset:N0} has no usable /Length");
        byte[] raw = await bytes.GetAsync(objectOffset + syntax.Position, (int)length).ConfigureAwait(false);
        return StreamDecoder.Decode(raw, dictionary);
    }

    private static bool IsName(Dictionary<string, object?> dictionary, string key, string name) =>
        dictionary.TryGetValue(key, out var value) && value is PdfName n && n.Value == name;

    private static bool StartsWith(byte[] bytes, int offset, string ascii) => MediaProbe.StartsWith(bytes, offset, ascii);

    private static int LastIndexOf(byte[] bytes, string ascii)
    {
        for (int i = bytes.Length - ascii.Length; i >= 0; i--)
            if (StartsWith(bytes, i, ascii))
                return i;
        return -1;
    }

    /// <summary>One cross-reference section: its trailer and either a table's subsections or a decoded stream.</summary>
    private sealed class XrefSection
    {
        private readonly List<(int First, int Count, long EntriesOffset)>? table;
        private readonly XrefStream? stream;

        public XrefSection(Dictionary<string, object?> trailer, List<(int First, int Count, long EntriesOffset)>? table, XrefStream? stream)
        {
            Trailer = trailer;
            this.table = table;
            this.stream = stream;
        }

        public Dictionary<string, object?> Trailer { get; }

        /// <summary>Type (0 free, 1 at an offset, 2 in an object stream) and two fields, or null when this section
        /// does not list the object.</summary>
        public async Task<(int Type, long Field2, long Field3)?> FindAsync(int number, ObjectBytes bytes)
        {
            if (stream is not null)
                return stream.Find(number);
            foreach (var (first, count, entriesOffset) in table!)
            {
                if (number < first || number >= first + count)
                    continue;
                byte[] entry = await bytes.GetAsync(entriesOffset + (long)(number - first) * 20, 20).ConfigureAwait(false);
                string text = Encoding.ASCII.GetString(entry);
                if (text.Length < 18 || !long.TryParse(text.Substring(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out long offset))
                    throw new FormatException($"a damaged cross-reference entry for object {number}");
                return (text[17] == 'n' ? 1 : 0, offset, 0);
            }
            return null;
        }
    }

    private sealed class XrefStream
    {
        private readonly byte[] data;
        private readonly int[] widths;
        private readonly List<(long First, long Count)> ranges = new();

        public XrefStream(Dictionary<string, object?> dictionary, byte[] data)
        {
            this.data = data;
            if (!dictionary.TryGetValue("W", out var w) || w is not List<object?> { Count: 3 } list)
                throw new FormatException("a cross-reference stream without /W");
            widths = list.ConvertAll(v => v is long n and >= 0 and <= 8 ? (int)n : throw new FormatException("a cross-reference stream with a bad /W")).ToArray();
            if (dictionary.TryGetValue("Index", out var index) && index is List<object?> pairs)
            {
                for (int i = 0; i + 1 < pairs.Count; i += 2)
                    ranges.Add((pairs[i] as long? ?? 0, pairs[i + 1] as long? ?? 0));
            }
            else
            {
                ranges.Add((0, dictionary.TryGetValue("Size", out var size) && size is long s ? s : 0));
            }
        }

        public (int Type, long Field2, long Field3)? Find(int number)
        {
            int rowWidth = widths[0] + widths[1] + widths[2];
            long row = 0;
            foreach (var (first, count) in ranges)
            {
                if (number >= first && number < first + count)
                {
                    long at = (row + number - first) * rowWidth;
                    if (at + rowWidth > data.Length)
                        throw new FormatException($"the cross-reference stream is shorter than its /Index says");
                    // A missing type field means type 1.
                    long type = widths[0] == 0 ? 1 : Field((int)at, widths[0]);
                    return ((int)type, Field((int)at + widths[0], widths[1]), Field((int)at + widths[0] + widths[1], widths[2]));
                }
                row += count;
            }
            return null;
        }

        private long Field(int at, int width)
        {
            long value = 0;
            for (int i = 0; i < width; i++)
                value = value << 8 | data[at + i];
            return value;
        }
    }
}
