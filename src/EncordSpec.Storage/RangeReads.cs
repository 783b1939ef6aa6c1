using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Storage;

/// <summary>What the listers' ranged reads share: the bytes of a response body, and the message for a key that is
/// not there (the listers' own classification would call any 404 a missing bucket).</summary>
internal static class RangeReads
{
    /// <summary>Up to <paramref name="count"/> bytes of <paramref name="body"/>; fewer only when it ends first.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        int filled = 0;
        while (filled < count)
        {
            int read = await body.ReadAsync(buffer, filled, count - filled, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            filled += read;
        }
        if (filled == count)
            return buffer;
        var shorter = new byte[filled];
        Buffer.BlockCopy(buffer, 0, shorter, 0, filled);
        return shorter;
    }

    public static string NoSuchObject(string key, string detail) => $"there is no object '{key}' (it may have been deleted since it was listed): {detail}";
}
