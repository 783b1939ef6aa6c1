using System;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EncordSpec.Format;
using EncordSpec.Metadata;

namespace EncordSpec.Writing;

/// <summary>Writes a JSON spec as items arrive. Each section goes to its own buffer (a temporary file when
/// writing to disk, so memory stays flat at a million items); <see cref="Complete"/> joins the buffers in
/// the fixed section order under one top-level object, key names and nesting as on the format page.
/// <see cref="CompleteInPlace"/> appends the other sections to the first section's buffer instead, which already
/// starts the document: a spec of one data type is then never copied.</summary>
internal sealed class SpecJsonWriter : ISpecWriter
{
    private readonly SpecWriterOptions options;
    private readonly Func<SpecSection, Stream> createBuffer;
    private readonly SectionBuffer?[] sections = new SectionBuffer?[SpecSectionNames.Count];
    private bool completed;
    private const int FlushThreshold = 1 << 16;

    /// <param name="options">Top-level flags.</param>
    /// <param name="createBuffer">Makes a read/write buffer for one section; it is disposed when done.</param>
    public SpecJsonWriter(SpecWriterOptions options, Func<SpecSection, Stream> createBuffer)
    {
        this.options = options;
        this.createBuffer = createBuffer;
    }

    /// <summary>A writer whose section buffers live in memory, for specs returned as a string.</summary>
    public static SpecJsonWriter InMemory(SpecWriterOptions options) =>
        new(options, _ => new MemoryStream());

    public SpecCounts Counts { get; } = new();

    public void Add(EncordDataItem item)
    {
        if (completed) throw new InvalidOperationException("The spec is already complete.");
        var section = sections[(int)item.Section] ??= new SectionBuffer(item.Section, createBuffer(item.Section));
        WriteItem(section.Writer, item);
        // Utf8JsonWriter keeps everything in memory until flushed; hand it to the buffer in 64 KB steps.
        if (section.Writer.BytesPending > FlushThreshold)
            section.Writer.Flush();
        Counts.Count(item);
    }

    private static void WriteItem(Utf8JsonWriter writer, EncordDataItem item)
    {
        writer.WriteStartObject();
        switch (item)
        {
            case EncordSingleItem single:
                writer.WriteString(SpecKeys.ObjectUrl, single.ObjectUrl);
                if (single.Title is not null)
                    writer.WriteString(SpecKeys.Title, single.Title);
                WriteMetadata(writer, SpecKeys.ClientMetadata, single.ClientMetadata);
                if (single.MediaMetadata is not null)
                {
                    string mediaKey = SpecKeys.MediaMetadataKey(single.Section);
                    WriteMetadata(writer, mediaKey, MediaMetadataFields.ToSpecObject(single.MediaMetadata, mediaKey));
                }
                break;
            case EncordGroupItem group:
                writer.WriteString(SpecKeys.Title, group.Title);
                if (group is EncordImageGroup imageGroup)
                    writer.WriteBoolean(SpecKeys.CreateVideo, imageGroup.CreateVideo);
                for (int i = 0; i < group.ObjectUrls.Length; i++)
                    writer.WriteString(EncodedIndexedObjectUrl(i), group.ObjectUrls[i]);
                WriteMetadata(writer, SpecKeys.ClientMetadata, group.ClientMetadata);
                break;
        }
        writer.WriteEndObject();
    }

    /// <summary>"objectUrl_N" encoded once for the writer (it escapes and transcodes a plain string at every use).</summary>
    private static JsonEncodedText EncodedIndexedObjectUrl(int index) =>
        index < EncodedIndexedKeys.First.Length ? EncodedIndexedKeys.First[index] : JsonEncodedText.Encode(SpecKeys.IndexedObjectUrl(index));

    /// <summary>Made when the first group is written, not when the module loads.</summary>
    private static class EncodedIndexedKeys
    {
        public static readonly JsonEncodedText[] First = Enumerable.Range(0, 2048)
            .Select(i => JsonEncodedText.Encode(SpecKeys.IndexedObjectUrl(i))).ToArray();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, string key, OrderedDictionary? metadata)
    {
        if (metadata is null) return;
        writer.WritePropertyName(key);
        JsonTreeWriter.Write(writer, metadata);
    }

    public void Complete(Stream output) => Write(output, startsOutput: null);

    public Stream? DocumentStart => FirstSection()?.Buffer;

    public void CompleteInPlace()
    {
        var first = FirstSection() ?? throw new InvalidOperationException("The spec has no section to complete in place.");
        Write(first.Buffer, startsOutput: first);
    }

    /// <summary>The first section in document order (the fixed section order, not the order items came in).</summary>
    private SectionBuffer? FirstSection() => sections.FirstOrDefault(section => section is not null);

    /// <summary>Writes the document to <paramref name="output"/>; when <paramref name="startsOutput"/> is the first
    /// section, output is that section's own buffer, which already holds "{" and the section, so the rest follows it.</summary>
    private void Write(Stream output, SectionBuffer? startsOutput)
    {
        if (completed) throw new InvalidOperationException("The spec is already complete.");
        completed = true;

        bool first = true;
        if (startsOutput is null) WriteAscii(output, "{");
        foreach (var section in sections)
        {
            if (section is null) continue;
            if (!first) WriteAscii(output, ",");
            first = false;
            if (section == startsOutput) section.End();
            else section.CopyTo(output);
        }
        if (options.SkipDuplicateUrls) WriteFlag(output, SpecKeys.SkipDuplicateUrls, ref first);
        if (options.UpsertMetadata) WriteFlag(output, SpecKeys.UpsertMetadata, ref first);
        WriteAscii(output, first ? "}\n" : "\n}\n");
        output.Flush();
    }

    private static void WriteFlag(Stream output, string key, ref bool first)
    {
        WriteAscii(output, (first ? "" : ",") + "\n    \"" + key + "\": true");
        first = false;
    }

    private static void WriteAscii(Stream output, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        output.Write(bytes, 0, bytes.Length);
    }

    public void Dispose()
    {
        foreach (var section in sections)
            section?.Dispose();
    }

    /// <summary>One section's items. The buffer holds the text "{\n    "name": [ items ... \n    ]" written by an
    /// indented writer that believes it is inside the top-level object, so the nesting depth (and thus the
    /// indentation) is right; the leading "{" is skipped when the section is copied into the document.</summary>
    private sealed class SectionBuffer : IDisposable
    {
        private readonly Stream buffer;

        public SectionBuffer(SpecSection section, Stream buffer)
        {
            this.buffer = buffer;
            Writer = new Utf8JsonWriter(buffer, SpecJsonOptions.Indented);
            Writer.WriteStartObject();
            Writer.WriteStartArray(section.JsonName());
        }

        public Utf8JsonWriter Writer { get; }

        public Stream Buffer => buffer;

        public void CopyTo(Stream output)
        {
            End();
            buffer.Position = 1; // past the "{" that only set the depth
            buffer.CopyTo(output);
        }

        /// <summary>Closes the section's array; the buffer then ends with it (and the writer is done).</summary>
        public void End()
        {
            Writer.WriteEndArray();
            Writer.Flush();
            Writer.Dispose();
        }

        public void Dispose()
        {
            Writer.Dispose();
            buffer.Dispose();
        }
    }
}
