using System;
using System.IO;
using System.Threading;

namespace EncordSpec.Reading;

/// <summary>A read-only stream that returns some bytes already taken from a stream, then the rest of that stream:
/// lets a reader look at the first bytes (byte order marks) of input that cannot seek.</summary>
internal sealed class PrefixedStream : ForwardOnlyStream
{
    private readonly byte[] prefix;
    private readonly Stream rest;
    private readonly CancellationToken cancellation;
    private int prefixPosition;

    /// <param name="prefix">The bytes already taken from <paramref name="rest"/>.</param>
    /// <param name="rest">The stream they came from.</param>
    /// <param name="cancellation">Checked on each read: a CSV reader skips empty lines inside its own Read, so a
    /// stream of line ends that never ends reaches no other place to stop.</param>
    public PrefixedStream(byte[] prefix, Stream rest, CancellationToken cancellation = default)
    {
        this.prefix = prefix;
        this.rest = rest;
        this.cancellation = cancellation;
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
        cancellation.ThrowIfCancellationRequested();
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
