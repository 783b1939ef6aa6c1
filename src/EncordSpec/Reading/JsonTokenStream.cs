using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Feeds a <see cref="Utf8JsonReader"/> from a stream through one buffer that is refilled as the reader
/// consumes it, so a spec of any size is read in constant memory. The buffer grows only for a token (or a value
/// asked for whole) that does not fit, up to <see cref="MaxBufferBytes"/>. Also tracks line and column.</summary>
internal sealed class JsonTokenStream
{
    private const int InitialBufferBytes = 64 * 1024;
    private readonly Stream stream;
    private readonly JsonReaderOptions readerOptions;
    private byte[] buffer;
    private int length;
    private bool isFinalBlock;
    private long droppedBytes;
    private readonly CancellationToken cancellation;

    /// <param name="stream">The spec.</param>
    /// <param name="maxDepth">The deepest nesting read.</param>
    /// <param name="maxBufferBytes">The largest the buffer grows for one token or value.</param>
    /// <param name="cancellation">Checked before each read of the stream. The JSON reader skips whitespace inside
    /// Utf8JsonReader.Read, where nothing can be checked, and a file of a gigabyte of spaces (or a stream of them that
    /// never ends) holds no token to stop at, but every buffer of it (64 KB: whitespace is consumed, so the buffer
    /// does not grow) comes through here.</param>
    public JsonTokenStream(Stream stream, int maxDepth, int maxBufferBytes, CancellationToken cancellation = default)
    {
        this.stream = stream;
        this.cancellation = cancellation;
        MaxBufferBytes = maxBufferBytes;
        readerOptions = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        buffer = new byte[Math.Min(InitialBufferBytes, maxBufferBytes)];
    }

    public int MaxBufferBytes { get; }
    public TextPositionTracker Positions { get; } = new();

    /// <summary>The bytes of the current buffer; valid until the next refill.</summary>
    public ReadOnlySpan<byte> Chunk => new(buffer, 0, length);

    /// <summary>True once the whole input is in the buffer (or was consumed).</summary>
    public bool IsFinalBlock => isFinalBlock;

    /// <summary>Offset of the buffer's first byte in the whole input.</summary>
    public long ChunkOffset => droppedBytes;

    /// <summary>Reads the first chunk and returns it, for the caller to inspect (byte order marks, encodings)
    /// before <see cref="Start"/>.</summary>
    public ReadOnlySpan<byte> Begin()
    {
        Fill();
        return Chunk;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes (a byte order mark) before the reader starts; they
    /// are not part of the text whose lines and columns are counted.</summary>
    public void SkipPrefix(int count)
    {
        Buffer.BlockCopy(buffer, count, buffer, 0, length - count);
        length -= count;
        droppedBytes += count;
    }

    public Utf8JsonReader Start() => new(Chunk, isFinalBlock, new JsonReaderState(readerOptions));

    /// <summary>Reads the next token, refilling the buffer as needed. False at the end of the input.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Read(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            if (isFinalBlock)
                return false;
            Refill(ref reader);
        }
        return true;
    }

    /// <summary>Skips the value the reader stands on (all of an object or array), refilling as needed.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        int depth = reader.CurrentDepth;
        while (Read(ref reader))
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                return;
    }

    /// <summary>For a reader on StartObject or StartArray: makes sure the whole value is in the buffer, so it can
    /// be read with a plain <see cref="Utf8JsonReader"/> (or skipped) without refills. False when the value is
    /// larger than <paramref name="maxValueBytes"/>; the reader then still stands on the start token.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool BufferWholeValue(ref Utf8JsonReader reader, int maxValueBytes)
    {
        while (true)
        {
            var probe = reader;
            if (probe.TrySkip())
                return true;
            if (isFinalBlock)
                return true; // TrySkip would have thrown; a final block is complete by definition
            long buffered = length - reader.BytesConsumed;
            if (buffered >= maxValueBytes || length - (int)reader.BytesConsumed >= MaxBufferBytes)
                return false;
            Refill(ref reader);
        }
    }

    /// <summary>The position of the current token's first character.</summary>
    [MethodImpl(HotPath.Optimized)]
    public TextPosition PositionOf(in Utf8JsonReader reader) => Positions.PositionOfIndex(Chunk, (int)reader.TokenStartIndex);

    /// <summary>The position of the byte at <paramref name="index"/> of the current chunk.</summary>
    public TextPosition PositionAt(int index) => Positions.PositionOfIndex(Chunk, index);

    /// <summary>After the parser stopped at a trailing comma: each further comma that directly precedes (apart from
    /// whitespace) a closing bracket, outside strings, from <paramref name="from"/> (just past that comma) to the end
    /// of the input, with the bracket. The parser cannot go on past an error, so without this a hand-edited file with
    /// several trailing commas would be fixed one comma per run.</summary>
    public IEnumerable<(TextPosition Comma, char Bracket)> TrailingCommasAfter(int from)
    {
        bool inString = false, escaped = false;
        TextPosition? comma = null;
        int i = from;
        while (true)
        {
            for (; i < length; i++)
            {
                byte b = buffer[i];
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (b == (byte)'\\') escaped = true;
                    else if (b == (byte)'"') inString = false;
                    continue;
                }
                switch (b)
                {
                    case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                        break;
                    case (byte)',':
                        comma = PositionAt(i); // asked for in ascending order, as the tracker wants
                        break;
                    case (byte)'}' or (byte)']':
                        if (comma is { } found)
                            yield return (found, (char)b);
                        comma = null;
                        break;
                    case (byte)'"':
                        inString = true;
                        comma = null;
                        break;
                    default:
                        comma = null;
                        break;
                }
            }
            if (isFinalBlock)
                yield break;
            Shift(length);
            Fill();
            i = 0;
        }
    }

    /// <summary>Counts the rest of the input (for its UTF-8 check) once the reader is done.</summary>
    public void Finish()
    {
        Positions.Advance(Chunk, length);
        Positions.Finish();
    }

    private void Refill(ref Utf8JsonReader reader)
    {
        var state = reader.CurrentState;
        int consumed = (int)reader.BytesConsumed;
        Shift(consumed);
        if (length == buffer.Length)
        {
            if (buffer.Length >= MaxBufferBytes)
                throw new SpecValueTooLargeException(MaxBufferBytes);
            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBufferBytes));
        }
        Fill();
        reader = new Utf8JsonReader(Chunk, isFinalBlock, state);
    }

    private void Shift(int count)
    {
        if (count <= 0) return;
        // The tracker must have seen the dropped bytes before they go.
        Positions.Advance(Chunk, count);
        Buffer.BlockCopy(buffer, count, buffer, 0, length - count);
        length -= count;
        droppedBytes += count;
        Positions.Shift(count);
    }

    private void Fill()
    {
        while (length < buffer.Length && !isFinalBlock)
        {
            cancellation.ThrowIfCancellationRequested();
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                isFinalBlock = true;
            length += read;
        }
    }
}

/// <summary>A JSON token, or a value that had to be read whole, is larger than the reader buffers.</summary>
internal sealed class SpecValueTooLargeException : Exception
{
    public SpecValueTooLargeException(int limit) : base($"A single JSON value is larger than {limit / (1024 * 1024)} MB.") { }
}
