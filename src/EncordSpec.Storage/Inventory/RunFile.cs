using System;
using System.Collections.Generic;
using System.IO;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>The temporary file of one sorted run: its objects' fields in order. Text is kept as UTF-16 code units, so
/// every key comes back exactly as it went in (a key with a lone surrogate too, which the URL builder then reports).
/// The file is deleted when its reader is closed.</summary>
internal static class RunFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Writes the entries, which are in the merge's order, as a source for the merge; null when there are none.</summary>
    public static RunFileSource? Write(string path, IEnumerable<InventoryEntry> entries)
    {
        InventoryEntry first = default, last = default;
        long count = 0;
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var entry in entries)
            {
                if (count++ == 0)
                    first = entry;
                last = entry;
                Write(writer, entry);
            }
        }
        if (count > 0)
            return new RunFileSource(path, first, last, count);
        File.Delete(path);
        return null;
    }

    private static void Write(BinaryWriter writer, InventoryEntry entry)
    {
        var o = entry.Object;
        writer.Write(entry.Sequence);
        writer.Write((byte)o.Provider);
        WriteText(writer, o.Bucket);
        WriteText(writer, o.Key);
        writer.Write(o.Size);
        writer.Write(o.LastModified.Ticks);
        WriteText(writer, o.ETag);
        WriteText(writer, o.ContentType);
        WriteText(writer, o.StorageClass);
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        if (text is null)
        {
            writer.Write(-1);
            return;
        }
        writer.Write(text.Length);
        foreach (char c in text)
            writer.Write((ushort)c);
    }

    internal sealed class Reader : IDisposable
    {
        private readonly BinaryReader reader;
        private readonly long length;
        // Bucket, content type and storage class repeat from row to row: the last value is reused.
        private string? lastBucket, lastContentType, lastStorageClass;
        private char[] chars = new char[256];

        public Reader(string path)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan | FileOptions.DeleteOnClose);
            length = stream.Length;
            reader = new BinaryReader(stream);
        }

        public bool TryRead(out InventoryEntry entry)
        {
            if (reader.BaseStream.Position >= length)
            {
                entry = default;
                return false;
            }
            long sequence = reader.ReadInt64();
            var provider = (CloudProvider)reader.ReadByte();
            string bucket = ReadRepeated(ref lastBucket)!;
            string key = ReadText()!;
            var cloudObject = new CloudObject(provider, bucket, key)
            {
                Size = reader.ReadInt64(),
                LastModified = new DateTime(reader.ReadInt64(), DateTimeKind.Utc),
                ETag = ReadText(),
                ContentType = ReadRepeated(ref lastContentType),
                StorageClass = ReadRepeated(ref lastStorageClass),
            };
            entry = new InventoryEntry(cloudObject, sequence);
            return true;
        }

        private string? ReadRepeated(ref string? last)
        {
            int length = reader.ReadInt32();
            if (length < 0) return null;
            Fill(length);
            if (last is not null && last.Length == length && Same(last, length))
                return last;
            return last = new string(chars, 0, length);
        }

        private bool Same(string text, int length)
        {
            for (int i = 0; i < length; i++)
                if (text[i] != chars[i]) return false;
            return true;
        }

        private string? ReadText()
        {
            int length = reader.ReadInt32();
            if (length < 0) return null;
            Fill(length);
            return new string(chars, 0, length);
        }

        private void Fill(int length)
        {
            if (chars.Length < length)
                chars = new char[Math.Max(length, chars.Length * 2)];
            for (int i = 0; i < length; i++)
                chars[i] = (char)reader.ReadUInt16();
        }

        public void Dispose() => reader.Dispose();
    }
}
