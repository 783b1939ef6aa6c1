using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Threading;
using CsvHelper;
using EncordSpec.Reading;
using EncordSpec.Urls;

namespace EncordSpec.Storage.Inventory;

/// <summary>Reads one CSV data file (gzipped as S3 writes them, or plain), streaming: the columns come from its header
/// row or from the manifest, and each record fills an <see cref="InventoryRow"/>.</summary>
internal static class CsvInventoryFile
{
    public static IEnumerable<InventoryRow> Read(VerifiedStream source, InventoryManifest manifest, string location, CancellationToken cancellationToken)
    {
        // Gzip is told by its magic bytes rather than by the name, so a downloaded and renamed file still reads.
        byte[] start = PrefixedStream.ReadStart(source, 2);
        Stream text = new PrefixedStream(start, source);
        CountingStream? gzip = null;
        if (start.Length == 2 && start[0] == 0x1f && start[1] == 0x8b)
            text = gzip = new CountingStream(new GZipStream(text, CompressionMode.Decompress, leaveOpen: true));

        var options = new CsvReaderOptions
        {
            Separator = manifest.CsvSeparator,
            HasHeader = manifest.CsvHasHeader,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            PoolStrings = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var names = manifest.CsvHasHeader ? ReadHeader(csv) : manifest.CsvColumns ?? Array.Empty<string>();
        var at = InventoryColumns.Locate(manifest.Provider, names);
        if (at[(int)InventoryColumn.Key] < 0)
            throw InventoryManifest.Corrupt(location, $"has no '{InventoryColumns.KeyName(manifest.Provider, false)}' column " +
                $"(its columns are {(names.Count == 0 ? "none" : string.Join(", ", names))}), so it names no objects.");

        var row = new InventoryRow();
        while (true)
        {
            try
            {
                if (!csv.Read())
                    break;
                cancellationToken.ThrowIfCancellationRequested();
                row.Clear();
                string key = csv.GetString(at[(int)InventoryColumn.Key]);
                row.Key = manifest.CsvKeysUrlEncoded ? ObjectUrlParser.PercentDecode(key, plusIsSpace: true) : key;
                row.Bucket = Text(csv, at, InventoryColumn.Bucket);
                row.Size = Text(csv, at, InventoryColumn.Size) is { } size ? long.Parse(size, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
                row.LastModified = Text(csv, at, InventoryColumn.LastModified) is { } time ? ParseTime(time) : null;
                row.ETag = Text(csv, at, InventoryColumn.ETag);
                row.ContentType = Text(csv, at, InventoryColumn.ContentType);
                row.StorageClass = Text(csv, at, InventoryColumn.StorageClass);
                row.IsLatest = Flag(csv, at, InventoryColumn.IsLatest);
                row.IsDeleteMarker = Flag(csv, at, InventoryColumn.IsDeleteMarker);
                row.Deleted = Flag(csv, at, InventoryColumn.Deleted);
                row.IsFolder = Flag(csv, at, InventoryColumn.IsFolder);
                row.HasSnapshot = Text(csv, at, InventoryColumn.Snapshot) is not null;
                row.HasTimeDeleted = Text(csv, at, InventoryColumn.TimeDeleted) is not null;
            }
            catch (Exception e) when (e is FormatException or OverflowException or CsvFormatException)
            {
                throw InventoryManifest.Corrupt(location, $"cannot be read at record {csv.RowNumber:N0}: {e.Message}");
            }
            yield return row;
        }

        source.VerifyToEnd();
        // .NET's gzip reader ends quietly where a file was cut short. The manifest's size or MD5 catches that; without
        // them, the gzip trailer's length (of a single-member file, as the providers write) must match what was read.
        if (gzip is not null && !source.IsChecked && BitConverter.ToUInt32(source.Tail, 4) != (uint)gzip.Count)
            throw InventoryManifest.Corrupt(location, $"is a gzip file cut short: {gzip.Count:N0} bytes came out of it, its trailer says {BitConverter.ToUInt32(source.Tail, 4):N0}.");
    }

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class CountingStream : ForwardOnlyStream
    {
        private readonly Stream inner;

        public CountingStream(Stream inner) => this.inner = inner;

        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = inner.Read(buffer, offset, count);
            Count += read;
            return read;
        }

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static IReadOnlyList<string> ReadHeader(CsvReader csv)
    {
        csv.ReadHeader();
        return csv.Headers;
    }

    private static string? Text(CsvReader csv, int[] at, InventoryColumn column)
    {
        int index = at[(int)column];
        if (index < 0 || csv.IsEmpty(index))
            return null;
        return csv.GetString(index);
    }

    private static bool? Flag(CsvReader csv, int[] at, InventoryColumn column) =>
        Text(csv, at, column) is { } value ? value.Equals("true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>ISO 8601 (S3, GCS, Azure) or RFC 1123 (Azure's HTTP dates), always as UTC.</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
