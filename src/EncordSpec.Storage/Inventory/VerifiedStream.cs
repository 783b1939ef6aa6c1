using System;
using System.IO;
using System.Security.Cryptography;
using EncordSpec.Reading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Passes a data file's bytes through while counting them and computing their MD5, and checks both against
/// what the manifest says once the file has been read to its end: a file cut short or changed is named, not half-read.</summary>
internal sealed class VerifiedStream : ForwardOnlyStream
{
    private readonly Stream inner;
    private readonly InventoryDataFile file;
    private readonly MD5? md5;
    private long length;
    private bool verified;
    private readonly byte[] tail = new byte[8];

    public VerifiedStream(Stream inner, InventoryDataFile file)
    {
        this.inner = inner;
        this.file = file;
        if (IsMd5(file.Md5Hex))
            md5 = MD5.Create();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        if (read > 0)
        {
            length += read;
            md5?.TransformBlock(buffer, offset, read, null, 0);
            KeepTail(buffer, offset, read);
        }
        return read;
    }

    /// <summary>Reads whatever the consumer left (a gzip reader stops at the end of its member) and checks size and MD5.</summary>
    public void VerifyToEnd()
    {
        if (verified) return;
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0) { }
        verified = true;
        if (file.Size is { } size && size != length)
            throw InventoryManifest.Corrupt(file.Location, $"has {length:N0} bytes but the manifest says {size:N0}: it was cut short or changed.");
        if (md5 is not null)
        {
            md5.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            string actual = ManifestJson.ToHex(md5.Hash!);
            if (!string.Equals(actual, file.Md5Hex, StringComparison.OrdinalIgnoreCase))
                throw InventoryManifest.Corrupt(file.Location, $"has the MD5 {actual} but the manifest says {file.Md5Hex}: it was changed or cut short.");
        }
    }

    /// <summary>Whether the manifest gave a size or MD5 to check the file against.</summary>
    public bool IsChecked => file.Size is not null || md5 is not null;

    /// <summary>The last 8 bytes read: a gzip member's trailer (CRC-32 and the uncompressed length modulo 2^32).</summary>
    public byte[] Tail => tail;

    private void KeepTail(byte[] buffer, int offset, int count)
    {
        if (count >= 8)
        {
            Buffer.BlockCopy(buffer, offset + count - 8, tail, 0, 8);
            return;
        }
        Buffer.BlockCopy(tail, count, tail, 0, 8 - count);
        Buffer.BlockCopy(buffer, offset, tail, 8 - count, count);
    }

    /// <summary>S3 gives MD5checksum as 32 hex digits; anything else (a multipart ETag) cannot be checked.</summary>
    private static bool IsMd5(string? text)
    {
        if (text is null || text.Length != 32) return false;
        foreach (char c in text)
            if (!Uri.IsHexDigit(c)) return false;
        return true;
    }

    public override long Position { get => length; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            md5?.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
