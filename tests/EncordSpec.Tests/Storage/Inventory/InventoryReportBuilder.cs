using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace EncordSpec.Tests.Storage.Inventory;

/// <summary>Writes inventory reports in each provider's documented layout (file names, folders, manifest fields,
/// checksums, CSV quoting and key encoding, Parquet column names and types), split over several data files, under a
/// folder that stands for the destination bucket or container.</summary>
public static class InventoryReportBuilder
{
    public static readonly DateTime RunTime = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>S3: &lt;root&gt;/&lt;source&gt;/&lt;config&gt;/&lt;time&gt;/manifest.json + manifest.checksum, data in
    /// &lt;source&gt;/&lt;config&gt;/data/. Returns the manifest's path. With <paramref name="inRanges"/> each data file
    /// holds the next run of rows (files in key order for sorted rows) instead of rows dealt out in turn.</summary>
    public static string S3(string root, string sourceBucket, IReadOnlyList<TestInventoryRow> rows, bool parquet, int files = 2,
        string config = "daily", DateTime? runTime = null, bool inRanges = false)
    {
        var time = runTime ?? RunTime;
        string prefix = $"inventory/{sourceBucket}/{config}";
        var dataFiles = new List<(string Key, byte[] Bytes)>();
        foreach (var (part, index) in (inRanges ? SplitInRanges(rows, files) : Split(rows, files)).Select((p, i) => (p, i)))
        {
            string key = $"{prefix}/data/{Guid.NewGuid()}{(parquet ? ".parquet" : ".csv.gz")}";
            dataFiles.Add((key, parquet ? S3Parquet(part) : Gzip(S3Csv(part))));
        }
        foreach (var (key, bytes) in dataFiles)
            Write(root, key, bytes);

        var manifest = new Dictionary<string, object>
        {
            ["sourceBucket"] = sourceBucket,
            ["destinationBucket"] = "arn:aws:s3:::inventory-destination",
            ["version"] = "2016-11-30",
            ["creationTimestamp"] = new DateTimeOffset(time).ToUnixTimeMilliseconds().ToString(),
            ["fileFormat"] = parquet ? "Parquet" : "CSV",
            ["fileSchema"] = parquet
                ? "message s3.inventory { required binary bucket (UTF8); required binary key (UTF8); optional binary version_id (UTF8); optional boolean is_latest; optional boolean is_delete_marker; optional int64 size; optional int64 last_modified_date (TIMESTAMP_MILLIS); optional binary e_tag (UTF8); optional binary storage_class (UTF8); }"
                : "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass",
            ["files"] = dataFiles.Select(f => new Dictionary<string, object> { ["key"] = f.Key, ["size"] = f.Bytes.Length, ["MD5checksum"] = Md5Hex(f.Bytes) }).ToList(),
        };
        string folder = $"{prefix}/{time:yyyy-MM-dd'T'HH-mm'Z'}";
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
        Write(root, folder + "/manifest.json", json);
        Write(root, folder + "/manifest.checksum", Encoding.ASCII.GetBytes(Md5Hex(json)));
        return Path.Combine(root, folder, "manifest.json");
    }

    /// <summary>S3 CSV: no header, every field quoted, the key URL-encoded as S3 writes it (a space as '+').</summary>
    public static byte[] S3Csv(IEnumerable<TestInventoryRow> rows)
    {
        var text = new StringBuilder();
        foreach (var r in rows)
        {
            text.AppendJoin(',', new[]
            {
                r.Bucket, S3UrlEncode(r.Key), r.VersionId ?? "", Bool(r.IsLatest), Bool(r.IsDeleteMarker),
                r.Size?.ToString() ?? "", r.LastModified?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") ?? "", r.ETag ?? "", r.StorageClass ?? "",
            }.Select(Quote)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>application/x-www-form-urlencoded, as S3 Inventory encodes CSV keys: letters, digits and . - * _
    /// stay, a space is '+', everything else %XX of its UTF-8 bytes.</summary>
    public static string S3UrlEncode(string key)
    {
        var text = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
                text.Append(c);
            else if (c == ' ')
                text.Append('+');
            else
                text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }

    private static byte[] S3Parquet(IReadOnlyList<TestInventoryRow> rows) => Parquet(new (DataField, Func<TestInventoryRow, object?>)[]
    {
        (new DataField<string>("bucket"), r => r.Bucket),
        (new DataField<string>("key"), r => r.Key),
        (new DataField<string>("version_id"), r => r.VersionId),
        (new DataField<bool?>("is_latest"), r => r.IsLatest),
        (new DataField<bool?>("is_delete_marker"), r => r.IsDeleteMarker),
        (new DataField<long?>("size"), r => r.Size),
        (Timestamp("last_modified_date"), r => r.LastModified),
        (new DataField<string>("e_tag"), r => r.ETag),
        (new DataField<string>("storage_class"), r => r.StorageClass),
    }, rows);

    /// <summary>Azure: &lt;root&gt;/YYYY/MM/DD/HH-MM-SS/&lt;rule&gt;/ with &lt;rule&gt;-manifest.json, its checksum,
    /// and the data files. Names are 'container/blob'.</summary>
    public static string Azure(string root, string account, IReadOnlyList<TestInventoryRow> rows, bool parquet, int files = 2,
        string rule = "Rule_1", DateTime? runTime = null)
    {
        var time = runTime ?? RunTime;
        string folder = $"{time:yyyy/MM/dd/HH-mm-ss}/{rule}";
        var blobs = new List<(string Blob, long Size)>();
        var parts = Split(rows, files);
        for (int i = 0; i < parts.Count; i++)
        {
            string blob = $"{folder}/{rule}_{i + 1}.{(parquet ? "parquet" : "csv")}";
            byte[] bytes = parquet ? AzureParquet(parts[i]) : AzureCsv(parts[i]);
            Write(root, blob, bytes);
            blobs.Add((blob, bytes.Length));
        }
        var fields = new[] { "Name", "Creation-Time", "Last-Modified", "Etag", "Content-Length", "Content-Type", "AccessTier", "VersionId", "IsCurrentVersion", "Deleted", "hdi_isfolder" };
        var manifest = new Dictionary<string, object>
        {
            ["destinationContainer"] = "inventory-destination-container",
            ["endpoint"] = $"https://{account}.blob.core.windows.net",
            ["files"] = blobs.Select(b => new Dictionary<string, object> { ["blob"] = b.Blob, ["size"] = b.Size }).ToList(),
            ["inventoryCompletionTime"] = time.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["inventoryStartTime"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["ruleDefinition"] = new Dictionary<string, object>
            {
                ["filters"] = new Dictionary<string, object> { ["blobTypes"] = new[] { "blockBlob" }, ["includeBlobVersions"] = true, ["includeSnapshots"] = false, ["includeDeleted"] = true },
                ["format"] = parquet ? "parquet" : "csv",
                ["objectType"] = "blob",
                ["schedule"] = "daily",
                ["schemaFields"] = fields,
            },
            ["ruleName"] = rule,
            ["status"] = "Succeeded",
            ["summary"] = new Dictionary<string, object> { ["objectCount"] = rows.Count, ["totalObjectSize"] = rows.Sum(r => r.Size ?? 0) },
            ["version"] = "1.0",
        };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
        Write(root, $"{folder}/{rule}-manifest.json", json);
        Write(root, $"{folder}/{rule}-manifest.checksum", Encoding.ASCII.GetBytes(Md5Hex(json)));
        return Path.Combine(root, folder, rule + "-manifest.json");
    }

    /// <summary>Azure CSV: a header row of the schema fields, then quoted values; dates in ISO 8601 with seven fractional digits.</summary>
    public static byte[] AzureCsv(IEnumerable<TestInventoryRow> rows)
    {
        var text = new StringBuilder("Name,Creation-Time,Last-Modified,Etag,Content-Length,Content-Type,AccessTier,VersionId,IsCurrentVersion,Deleted,hdi_isfolder\n");
        foreach (var r in rows)
        {
            string time = r.LastModified?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'") ?? "";
            text.AppendJoin(',', new[]
            {
                Quote(r.Bucket + "/" + r.Key), Quote(time), Quote(time), Quote(r.ETag ?? ""), r.Size?.ToString() ?? "", Quote(r.ContentType ?? ""),
                Quote(r.StorageClass ?? ""), Quote(r.VersionId ?? ""), Bool(r.IsLatest), Bool(r.IsDeleteMarker), Bool(r.IsFolder),
            }).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] AzureParquet(IReadOnlyList<TestInventoryRow> rows) => Parquet(new (DataField, Func<TestInventoryRow, object?>)[]
    {
        (new DataField<string>("Name"), r => r.Bucket + "/" + r.Key),
        (Timestamp("Last-Modified"), r => r.LastModified),
        (new DataField<string>("Etag"), r => r.ETag),
        (new DataField<long?>("Content-Length"), r => r.Size),
        (new DataField<string>("Content-Type"), r => r.ContentType),
        (new DataField<string>("AccessTier"), r => r.StorageClass),
        (new DataField<string>("VersionId"), r => r.VersionId),
        (new DataField<bool?>("IsCurrentVersion"), r => r.IsLatest),
        (new DataField<bool?>("Deleted"), r => r.IsDeleteMarker),
        (new DataField<string>("hdi_isfolder"), r => Bool(r.IsFolder)),
    }, rows);

    /// <summary>GCS: &lt;root&gt;/&lt;config&gt;_&lt;snapshot&gt;_N.csv shards and &lt;config&gt;_&lt;snapshot&gt;_manifest.json.</summary>
    public static string Gcs(string root, string sourceBucket, IReadOnlyList<TestInventoryRow> rows, bool parquet, int files = 2,
        string config = "0b7e4e0c-2b1a-4d4e-9a1e-3d2c1b0a9f8e", DateTime? runTime = null)
    {
        var time = runTime ?? RunTime;
        string stem = $"reports/{config}_{time:yyyy-MM-dd'T'HH-mm}";
        var fields = new[] { "project", "bucket", "name", "size", "updated", "etag", "contentType", "storageClass", "timeDeleted" };
        var names = new List<string>();
        var parts = Split(rows, files);
        for (int i = 0; i < parts.Count; i++)
        {
            string name = $"{stem}_{i}.{(parquet ? "parquet" : "csv")}";
            Write(root, name, parquet ? GcsParquet(parts[i]) : GcsCsv(parts[i], fields));
            names.Add(Path.GetFileName(name));
        }
        var reportConfig = new Dictionary<string, object>
        {
            ["name"] = $"projects/demo/locations/us-west1/reportConfigs/{config}",
            ["frequency_options"] = new Dictionary<string, object> { ["frequency"] = "DAILY" },
            ["object_metadata_report_options"] = new Dictionary<string, object>
            {
                ["metadata_fields"] = fields,
                ["storage_filters"] = new Dictionary<string, object> { ["bucket"] = sourceBucket },
                ["storage_destination_options"] = new Dictionary<string, object> { ["bucket"] = "inventory-destination", ["destination_path"] = "reports" },
            },
        };
        if (parquet)
            reportConfig["parquet_options"] = new Dictionary<string, object>();
        else
            reportConfig["csv_options"] = new Dictionary<string, object> { ["record_separator"] = "\n", ["delimiter"] = ",", ["header_required"] = true };
        var manifest = new Dictionary<string, object>
        {
            ["report_config"] = reportConfig,
            ["records_processed"] = rows.Count,
            ["snapshot_time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["shard_count"] = names.Count,
            ["report_shards_file_names"] = names,
        };
        Write(root, stem + "_manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true }));
        return Path.Combine(root, stem + "_manifest.json");
    }

    /// <summary>GCS CSV: a header of the metadata fields, RFC 3339 times, values quoted only when they must be.</summary>
    public static byte[] GcsCsv(IEnumerable<TestInventoryRow> rows, string[] fields)
    {
        var text = new StringBuilder(string.Join(",", fields)).Append('\n');
        foreach (var r in rows)
        {
            text.AppendJoin(',', new[]
            {
                "demo", r.Bucket, r.Key, r.Size?.ToString() ?? "", r.LastModified?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") ?? "",
                r.ETag ?? "", r.ContentType ?? "", r.StorageClass ?? "", IsCurrent(r) ? "" : "2026-02-28T00:00:00.000Z",
            }.Select(QuoteIfNeeded)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] GcsParquet(IReadOnlyList<TestInventoryRow> rows) => Parquet(new (DataField, Func<TestInventoryRow, object?>)[]
    {
        (new DataField<string>("project"), r => "demo"),
        (new DataField<string>("bucket"), r => r.Bucket),
        (new DataField<string>("name"), r => r.Key),
        (new DataField<long?>("size"), r => r.Size),
        (Timestamp("updated"), r => r.LastModified),
        (new DataField<string>("etag"), r => r.ETag),
        (new DataField<string>("contentType"), r => r.ContentType),
        (new DataField<string>("storageClass"), r => r.StorageClass),
        (Timestamp("timeDeleted"), r => IsCurrent(r) ? null : new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc)),
    }, rows);

    /// <summary>GCS has no delete markers: a deleted object's generations are noncurrent, with timeDeleted set.</summary>
    private static bool IsCurrent(TestInventoryRow row) => row.IsLatest && !row.IsDeleteMarker;

    private static DataField Timestamp(string name) => new DateTimeDataField(name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, true);

    public static byte[] Parquet(IReadOnlyList<(DataField Field, Func<TestInventoryRow, object?> Value)> columns, IReadOnlyList<TestInventoryRow> rows)
    {
        using var stream = new MemoryStream();
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream);
            using var group = writer.CreateRowGroup();
            foreach (var (field, value) in columns)
            {
                var values = rows.Select(value).ToArray();
                var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
                if (field is DateTimeDataField)
                    await group.WriteAsync<DateTime>(field, values.Cast<DateTime?>().ToArray().AsMemory());
                else if (type == typeof(long))
                    await group.WriteAsync<long>(field, values.Cast<long?>().ToArray().AsMemory());
                else if (type == typeof(bool))
                    await group.WriteAsync<bool>(field, values.Cast<bool?>().ToArray().AsMemory());
                else
                    await group.WriteAsync(field, values.Cast<string?>().ToArray());
            }
        }).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    public static List<IReadOnlyList<TestInventoryRow>> Split(IReadOnlyList<TestInventoryRow> rows, int files)
    {
        // Rows are dealt out in turn, so every data file holds keys from all over the bucket (no order to rely on).
        var parts = Enumerable.Range(0, Math.Max(1, files)).Select(_ => new List<TestInventoryRow>()).ToList();
        for (int i = 0; i < rows.Count; i++)
            parts[i % parts.Count].Add(rows[i]);
        return parts.Select(p => (IReadOnlyList<TestInventoryRow>)p).ToList();
    }

    public static List<IReadOnlyList<TestInventoryRow>> SplitInRanges(IReadOnlyList<TestInventoryRow> rows, int files)
    {
        int size = (rows.Count + files - 1) / Math.Max(1, files);
        return Enumerable.Range(0, Math.Max(1, files)).Select(f => (IReadOnlyList<TestInventoryRow>)rows.Skip(f * size).Take(size).ToList()).ToList();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    public static string Md5Hex(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    private static void Write(string root, string relative, byte[] bytes)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string Bool(bool value) => value ? "true" : "false";
    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
    private static string QuoteIfNeeded(string value) => value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? Quote(value) : value;
}
