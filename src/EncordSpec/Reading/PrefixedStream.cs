using System;
using System.IO;

namespace EncordSpec.Reading;

/// <summary>A read-only stream that returns some bytes already taken from a stream, then the rest of that stream:
/// lets a reader look at the first bytes (byte order marks) of input that cannot seek.</summary>
internal sealed class PrefixedStream : ForwardOnlyStream
{
    private readonly byte[] prefix;
    private readonly Stream rest;
    private int prefixPosition;

    public PrefixedStream(byte[] prefix, Stream rest)
    {
        this.prefix = prefix;
        this.rest = rest;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (prefixPosition < prefix.Length)
        {
            int n = Math.Min(count, prefix.Length - prefixPosition);
            Buffer.BlockCopy(prefix, prefixPosition, buffer, offset, n);
            prefixPosition += n;
            return n;
        }
        return rest.Read(buffer, offset, count);
    }

    /// <summary>Reads up to <paramref name="count"/> bytes (fewer only at the end of the stream).</summary>
    public static byte[] ReadStart(Stream stream, int count)
    {
        var bytes = new byte[count];
        int total = 0;
        while (total < count)
        {
            int read = stream.Read(bytes, total, count - total);
            if (read == 0) break;
            total += read;
        }
        if (total < count) Array.Resize(ref bytes, total);
        return bytes;
    }
}
