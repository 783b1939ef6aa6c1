using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EncordSpec.Metadata;

/// <summary>Writes a tree made by <see cref="JsonValueNormalizer"/> (or read back by the spec reader).</summary>
internal static class JsonTreeWriter
{
    /// <summary>No needless escaping of '+', '&lt;' or non-ASCII letters, so text reads the same in a spec as where it
    /// came from; the spec writer uses the same encoder, so a metadata value's size here is its size in the spec.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case long or decimal or double when JsonNumberText.TryWrite(writer, value): // as the spec wrote it
                break;
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short s16: writer.WriteNumberValue(s16); break;
            case byte u8: writer.WriteNumberValue(u8); break;
            case sbyte s8: writer.WriteNumberValue(s8); break;
            case ushort u16: writer.WriteNumberValue(u16); break;
            case uint u32: writer.WriteNumberValue(u32); break;
            case ulong u64: writer.WriteNumberValue(u64); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case OrderedDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName((string)entry.Key);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (object? item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} is not part of a normalized JSON tree.", nameof(value));
        }
    }

    /// <summary>The UTF-8 size of the value written compactly, as the platform measures its 10 MB metadata limit.</summary>
    public static long CompactByteCount(object? value)
    {
        var counter = new CountingStream();
        using (var writer = new Utf8JsonWriter(counter, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true }))
            Write(writer, value);
        return counter.Length;
    }

    /// <summary>A write-only stream that only counts, so measuring a large value costs no memory.</summary>
    private sealed class CountingStream : System.IO.Stream
    {
        private long length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
    }
}
