using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Cloud Storage (Storage Insights) inventory reports: shards named REPORT_CONFIG_ID_SNAPSHOT_TIME_N.csv (or
/// .parquet) and, once every shard is written, REPORT_CONFIG_ID_SNAPSHOT_TIME_manifest.json with report_config,
/// records_processed, snapshot_time, shard_count and report_shards_file_names. CSV options (delimiter, header row)
/// and the metadata fields come from report_config.</summary>
internal static class GcsInventoryManifest
{
    public const string ManifestSuffix = "_manifest.json";

    public static InventoryManifest Read(IReportFiles files, string location, CancellationToken cancellationToken)
    {
        byte[] bytes = ManifestJson.ReadBytes(files, location, cancellationToken);
        using var document = ManifestJson.Parse(bytes, location);
        var root = document.RootElement;

        var names = ManifestJson.Require(root, location, "report_shards_file_names", "reportShardsFileNames")
            .EnumerateArray().Select(n => n.GetString() ?? "").ToList();
        long? shardCount = ManifestJson.Integer(root, "shard_count", "shardCount", "shards_count");
        if (shardCount is { } count && count != names.Count)
            throw InventoryManifest.Corrupt(location, $"says shard_count {count} but names {names.Count} shards.");

        var config = ManifestJson.Find(root, "report_config", "reportConfig");
        var csvOptions = config is { } c ? ManifestJson.Find(c, "csv_options", "csvOptions") : null;
        bool parquet = config is { } p && ManifestJson.Find(p, "parquet_options", "parquetOptions") is not null
                       || csvOptions is null && names.Count > 0 && names.All(n => n.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase));
        var reportOptions = config is { } r ? ManifestJson.Find(r, "object_metadata_report_options", "objectMetadataReportOptions") : null;

        var dataFiles = DataFileLocator.Resolve(files, location, names, null).Select(path => new InventoryDataFile(path, null, null)).ToList();
        var manifest = new InventoryManifest(CloudProvider.GCS, location, parquet, dataFiles)
        {
            ObjectCount = ManifestJson.Integer(root, "records_processed", "recordsProcessed"),
            Created = DateTime.TryParse(ManifestJson.String(root, "snapshot_time", "snapshotTime"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null,
            SourceBucket = reportOptions is { } o && ManifestJson.Find(o, "storage_filters", "storageFilters") is { } filters
                ? ManifestJson.String(filters, "bucket") : null,
        };
        if (csvOptions is { } csv)
        {
            string delimiter = ManifestJson.String(csv, "delimiter") ?? ",";
            if (delimiter.Length != 1)
                throw InventoryManifest.Corrupt(location, $"gives the CSV delimiter '{delimiter}'; one character is expected.");
            manifest.CsvSeparator = delimiter[0];
            manifest.CsvHasHeader = ManifestJson.Boolean(csv, "header_required", "headerRequired") ?? true;
            if (!manifest.CsvHasHeader)
            {
                var fields = reportOptions is { } f ? ManifestJson.Find(f, "metadata_fields", "metadataFields") : null;
                manifest.CsvColumns = fields?.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
                    ?? throw InventoryManifest.Corrupt(location, "describes CSV shards without a header row but lists no metadata_fields, so their columns are unknown.");
            }
        }
        return manifest;
    }

    /// <summary>The newest report under a folder: the manifest (written after every shard) whose snapshot time, the
    /// part of its name after the configuration ID, is latest.</summary>
    public static string? FindNewest(IReportFiles files, string folder, CancellationToken cancellationToken) =>
        files.ListFiles(folder, cancellationToken)
            .Where(f => f.EndsWith(ManifestSuffix, StringComparison.Ordinal))
            .OrderByDescending(SnapshotPart, StringComparer.Ordinal)
            .ThenByDescending(f => f, StringComparer.Ordinal)
            .FirstOrDefault();

    private static string SnapshotPart(string location)
    {
        int cut = Math.Max(location.LastIndexOf('/'), location.LastIndexOf(System.IO.Path.DirectorySeparatorChar));
        string name = location.Substring(cut + 1);
        int underscore = name.IndexOf('_');
        return underscore < 0 ? name : name.Substring(underscore + 1);
    }
}
