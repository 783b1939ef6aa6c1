using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Follows the line and column of a UTF-8 text that is read in chunks, and checks on the way that it is
/// valid UTF-8. Every byte is looked at once, in order, so a spec of any size costs one pass.</summary>
internal sealed class TextPositionTracker
{
    private const ulong HighBits = 0x8080808080808080UL;
    private const ulong OnesPerByte = 0x0101010101010101UL;
    private const ulong LineFeeds = 0x0A0A0A0A0A0A0A0AUL;

    private long line = 1;
    private long column = 1;
    private int scanIndex;
    // Where the current line starts in the current chunk (negative once that part was dropped).
    private int lineStartIndex;
    // True while the chunk still starts at the beginning of the text.
    private bool droppedNothing = true;
    // UTF-8 decoding state: continuation bytes still due, and the allowed range of the next one.
    private int pending;
    private byte lowerBound = 0x80;
    private byte upperBound = 0xBF;
    private TextPosition sequenceStart;

    /// <summary>Where the first byte that breaks UTF-8 was, once one was seen.</summary>
    public TextPosition? FirstInvalidUtf8 { get; private set; }

    /// <summary>The position of the byte at <paramref name="index"/> of the current chunk. Positions must be asked
    /// for in ascending order; an earlier index returns the position already reached.</summary>
    [MethodImpl(HotPath.Optimized)]
    public TextPosition At(ReadOnlySpan<byte> chunk, int index)
    {
        Advance(chunk, index);
        return new TextPosition(line, column);
    }

    /// <summary>Counts the bytes of the current chunk up to (not including) <paramref name="index"/>. ASCII is counted
    /// eight bytes at a time, line breaks included; only other bytes go through the UTF-8 decoder one by one (every
    /// byte through it took checking a million URLs 1.5 times the CPU time).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Advance(ReadOnlySpan<byte> chunk, int index)
    {
        if (index > chunk.Length) index = chunk.Length;
        int i = scanIndex;
        while (i < index)
        {
            if (pending == 0 && BitConverter.IsLittleEndian)
            {
                int count = Math.Min(8, index - i);
                ulong block = count == 8 ? MemoryMarshal.Read<ulong>(chunk.Slice(i)) : ReadPartial(chunk.Slice(i, count));
                if ((block & HighBits) == 0)
                {
                    // The unused bytes of a partial block are 0, which is neither a line feed nor above ASCII.
                    ulong lineFeeds = ZeroBytes(block ^ LineFeeds);
                    if (lineFeeds == 0)
                    {
                        column += count;
                    }
                    else
                    {
                        int last = HighestMarkedByte(lineFeeds);
                        line += (long)(((lineFeeds >> 7) * OnesPerByte) >> 56);
                        lineStartIndex = i + last + 1;
                        column = count - last;
                    }
                    i += count;
                    continue;
                }
            }
            Step(chunk[i], i);
            i++;
        }
        if (index > scanIndex) scanIndex = index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadPartial(ReadOnlySpan<byte> bytes)
    {
        ulong block = 0;
        for (int k = bytes.Length - 1; k >= 0; k--)
            block = (block << 8) | bytes[k];
        return block;
    }

    /// <summary>The high bit of each byte of <paramref name="x"/> that is exactly 0 (no false positives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ZeroBytes(ulong x) => ~(((x & ~HighBits) + ~HighBits) | x) & HighBits;

    /// <summary>The index (0 = first in memory) of the last byte whose high bit is set in <paramref name="marks"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HighestMarkedByte(ulong marks)
    {
        int index = 7;
        while ((marks & (0x80UL << (index * 8))) == 0) index--;
        return index;
    }

    [MethodImpl(HotPath.Optimized)]
    private void Step(byte b, int index)
    {
        if (pending > 0)
        {
            if (b >= lowerBound && b <= upperBound)
            {
                pending--;
                lowerBound = 0x80;
                upperBound = 0xBF;
                return;
            }
            // A sequence cut short (reported where it began); the byte that cut it starts afresh.
            pending = 0;
            lowerBound = 0x80;
            upperBound = 0xBF;
            FirstInvalidUtf8 ??= sequenceStart;
        }

        if (b < 0x80)
        {
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
                lineStartIndex = index + 1;
            }
            else
            {
                column++;
            }
            return;
        }
        switch (b)
        {
            case >= 0xC2 and <= 0xDF: Begin(1, 0x80, 0xBF, 1); break;
            case 0xE0: Begin(2, 0xA0, 0xBF, 1); break;
            case 0xED: Begin(2, 0x80, 0x9F, 1); break; // no UTF-16 surrogates
            case >= 0xE1 and <= 0xEF: Begin(2, 0x80, 0xBF, 1); break;
            case 0xF0: Begin(3, 0x90, 0xBF, 2); break;
            case >= 0xF1 and <= 0xF3: Begin(3, 0x80, 0xBF, 2); break;
            case 0xF4: Begin(3, 0x80, 0x8F, 2); break;
            default:
                Invalid();
                column++; // shown as one replacement character
                break;
        }
    }

    private void Begin(int continuationBytes, byte lower, byte upper, int utf16Length)
    {
        sequenceStart = new TextPosition(line, column);
        pending = continuationBytes;
        lowerBound = lower;
        upperBound = upper;
        column += utf16Length;
    }

    private void Invalid()
    {
        FirstInvalidUtf8 ??= new TextPosition(line, column);
    }

    /// <summary>Call at the end of the input: a sequence cut off by the end is invalid too.</summary>
    public void Finish()
    {
        if (pending > 0)
        {
            pending = 0;
            FirstInvalidUtf8 ??= sequenceStart;
        }
    }

    /// <summary>The chunk lost its first <paramref name="count"/> bytes (they were consumed and dropped).</summary>
    public void Shift(int count)
    {
        if (count > 0) droppedNothing = false;
        scanIndex = Math.Max(0, scanIndex - count);
        lineStartIndex = lineStartIndex - count < int.MinValue / 2 ? int.MinValue / 2 : lineStartIndex - count;
    }

    /// <summary>The position of any byte of the current chunk: ahead of the scan as usual, or behind it on the
    /// current line; further back it returns the position reached (a fallback that error reporting never needs).</summary>
    [MethodImpl(HotPath.Optimized)]
    public TextPosition PositionOfIndex(ReadOnlySpan<byte> chunk, int index)
    {
        if (index >= scanIndex)
            return At(chunk, index);
        if (lineStartIndex >= 0 && lineStartIndex <= index)
            return new TextPosition(line, 1 + Utf16Length(chunk.Slice(lineStartIndex, index - lineStartIndex)));
        if (index < 0)
            return new TextPosition(line, column);
        // On an earlier line: count the line breaks in between, and find where that line starts.
        var between = chunk.Slice(index, scanIndex - index);
        long linesBack = 0;
        foreach (byte b in between)
            if (b == (byte)'\n') linesBack++;
        int start = chunk.Slice(0, index).LastIndexOf((byte)'\n') + 1;
        long earlierColumn = start > 0 || droppedNothing ? 1 + Utf16Length(chunk.Slice(start, index - start)) : 0;
        return new TextPosition(line - linesBack, earlierColumn);
    }

    /// <summary>The chunk index of a place given as System.Text.Json reports it (0-based line, byte in line),
    /// or -1 when that line started before the chunk.</summary>
    public int IndexOf(ReadOnlySpan<byte> chunk, long zeroBasedLine, long bytePositionInLine)
    {
        while (line < zeroBasedLine + 1)
        {
            int next = chunk.Slice(scanIndex).IndexOf((byte)'\n');
            if (next < 0) break;
            Advance(chunk, scanIndex + next + 1);
        }
        if (line != zeroBasedLine + 1 || lineStartIndex < 0)
            return -1;
        long index = lineStartIndex + bytePositionInLine;
        return index <= chunk.Length ? (int)index : chunk.Length;
    }

    /// <summary>The number of UTF-16 characters the UTF-8 bytes decode to (invalid bytes count one each).</summary>
    public static int Utf16Length(ReadOnlySpan<byte> utf8)
    {
        int length = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) == 0x80) continue;
            length += b >= 0xF0 && b <= 0xF4 ? 2 : 1;
        }
        return length;
    }
}
