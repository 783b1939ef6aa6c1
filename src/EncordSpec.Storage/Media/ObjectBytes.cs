using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Media;

namespace EncordSpec.Storage.Media;

/// <summary>The parts of one object a probe has read, so that a range is fetched once: the head read first, then
/// whatever the format's parser asks for beyond it.</summary>
internal sealed class ObjectBytes
{
    private readonly IByteRangeSource source;
    private readonly CancellationToken cancellationToken;
    private readonly List<(long Offset, byte[] Bytes)> parts = new();

    private ObjectBytes(IByteRangeSource source, byte[] head, CancellationToken cancellationToken)
    {
        this.source = source;
        this.cancellationToken = cancellationToken;
        Head = head;
        parts.Add((0, head));
    }

    /// <summary>Reads the first <paramref name="headBytes"/> bytes (or the whole object when it is smaller).</summary>
    public static async Task<ObjectBytes> ReadHeadAsync(IByteRangeSource source, int headBytes, CancellationToken cancellationToken)
    {
        int count = (int)Math.Min(source.Length, headBytes);
        byte[] head = count == 0 ? Array.Empty<byte>() : await source.ReadAsync(0, count, cancellationToken).ConfigureAwait(false);
        return new ObjectBytes(source, head, cancellationToken);
    }

    public string Name => source.Name;
    public long Length => source.Length;
    public string? ContentType => source.ContentType;

    /// <summary>The first bytes of the object.</summary>
    public byte[] Head { get; }

    /// <summary><paramref name="count"/> bytes from <paramref name="offset"/> (fewer at the end of the object), from
    /// what was read already where that covers them, else by one more ranged read.</summary>
    public async Task<byte[]> GetAsync(long offset, int count)
    {
        if (offset < 0 || count < 0)
            throw new ArgumentOutOfRangeException(nameof(offset));
        count = (int)Math.Max(0, Math.Min(count, Length - offset));
        if (count == 0)
            return Array.Empty<byte>();
        foreach (var (start, bytes) in parts)
        {
            long end = start + bytes.Length;
            if (offset < start || offset >= end)
                continue;
            if (offset + count <= end)
                return Slice(bytes, (int)(offset - start), count);
            // Starts in a part already read: read only what follows it.
            byte[] rest = await ReadAsync(end, (int)(offset + count - end)).ConfigureAwait(false);
            var joined = new byte[count];
            int have = (int)(end - offset);
            Buffer.BlockCopy(bytes, (int)(offset - start), joined, 0, have);
            Buffer.BlockCopy(rest, 0, joined, have, rest.Length);
            return joined;
        }
        return await ReadAsync(offset, count).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadAsync(long offset, int count)
    {
        byte[] read = await source.ReadAsync(offset, count, cancellationToken).ConfigureAwait(false);
        if (read.Length < count)
            throw new MediaProbeException($"{Name}: the store returned {read.Length:N0} of the {count:N0} bytes asked for at offset {offset:N0}; the object may have changed since it was listed.");
        parts.Add((offset, read));
        return read;
    }

    private static byte[] Slice(byte[] bytes, int start, int count)
    {
        if (start == 0 && count == bytes.Length)
            return bytes;
        var copy = new byte[count];
        Buffer.BlockCopy(bytes, start, copy, 0, count);
        return copy;
    }

    /// <summary>What was read already from <paramref name="offset"/> on, up to the end of the part that holds it,
    /// or null: lets a parser try what it has before asking for more.</summary>
    public byte[]? Cached(long offset)
    {
        foreach (var (start, bytes) in parts)
            if (offset >= start && offset < start + bytes.Length)
                return Slice(bytes, (int)(offset - start), (int)(start + bytes.Length - offset));
        return null;
    }

    /// <summary>The first <paramref name="count"/> bytes, reading more than the head when asked for more.</summary>
    public Task<byte[]> GetPrefixAsync(int count) => GetAsync(0, count);
}
