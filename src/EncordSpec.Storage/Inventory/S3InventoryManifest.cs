using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Amazon S3 Inventory: destination-prefix/source-bucket/config-ID/YYYY-MM-DDTHH-MMZ/manifest.json, with
/// manifest.checksum (the MD5 of manifest.json) beside it, listing data files by key in the destination bucket with
/// their size and MD5. CSV files are gzipped, have no header (the columns are the manifest's fileSchema) and hold
/// URL-encoded keys; Parquet files use the snake_case columns of the fileSchema's message.</summary>
internal static class S3InventoryManifest
{
    public const string ManifestName = "manifest.json";
    public const string ChecksumName = "manifest.checksum";

    public static InventoryManifest Read(IReportFiles files, string location, CancellationToken cancellationToken)
    {
        byte[] bytes = ManifestJson.ReadBytes(files, location, cancellationToken);
        ManifestJson.VerifyChecksum(bytes, location, files, files.Combine(files.FolderOf(location), ChecksumName), cancellationToken);
        using var document = ManifestJson.Parse(bytes, location);
        var root = document.RootElement;

        ManifestJson.Require(root, location, "fileFormat");
        string format = ManifestJson.String(root, "fileFormat") ?? "";
        bool parquet = format.Equals("Parquet", StringComparison.OrdinalIgnoreCase);
        if (!parquet && !format.Equals("CSV", StringComparison.OrdinalIgnoreCase))
            throw InventoryManifest.Corrupt(location, $"names the format '{format}'; CSV and Parquet reports can be read (not ORC).");

        // In the store, data files are keys of the destination bucket ("arn:aws:s3:::bucket").
        string? storeRoot = null;
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            string destination = ManifestJson.String(root, "destinationBucket") ?? "";
            string bucket = destination.StartsWith("arn:", StringComparison.Ordinal) ? destination.Substring(destination.LastIndexOf(':') + 1) : destination;
            storeRoot = $"s3://{(bucket.Length > 0 ? bucket : S3ReportFiles.Parse(location).Bucket)}/";
        }

        var entries = ManifestJson.Require(root, location, "files").EnumerateArray().ToList();
        var keys = entries.Select(f => ManifestJson.String(f, "key") ?? throw InventoryManifest.Corrupt(location, "lists a data file without a 'key'.")).ToList();
        var paths = DataFileLocator.Resolve(files, location, keys, storeRoot);
        var dataFiles = entries.Select((f, i) => new InventoryDataFile(paths[i], ManifestJson.Integer(f, "size"), ManifestJson.String(f, "MD5checksum"))).ToList();

        var manifest = new InventoryManifest(CloudProvider.S3, location, parquet, dataFiles)
        {
            SourceBucket = ManifestJson.String(root, "sourceBucket"),
            CsvHasHeader = false,
            CsvKeysUrlEncoded = !parquet,
            Created = ManifestJson.Integer(root, "creationTimestamp") is { } millis
                ? new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(millis) : null,
        };
        if (!parquet)
            manifest.CsvColumns = (ManifestJson.String(root, "fileSchema") ?? "").Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        return manifest;
    }

    /// <summary>The newest complete report under a folder or prefix: the manifest.json with a manifest.checksum
    /// beside it in the latest YYYY-MM-DDTHH-MMZ folder (timestamps sort as text).</summary>
    public static string? FindNewest(IReportFiles files, string folder, CancellationToken cancellationToken)
    {
        var all = new HashSet<string>(files.ListFiles(folder, cancellationToken), StringComparer.Ordinal);
        return all.Where(f => f.EndsWith(ManifestName, StringComparison.Ordinal) && IsName(f, ManifestName)
                              && all.Contains(files.Combine(files.FolderOf(f), ChecksumName)))
            .OrderByDescending(f => Timestamp(files.FolderOf(f)), StringComparer.Ordinal)
            .ThenByDescending(f => f, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    internal static bool IsName(string location, string name)
    {
        int cut = Math.Max(location.LastIndexOf('/'), location.LastIndexOf(System.IO.Path.DirectorySeparatorChar));
        return string.Equals(location.Substring(cut + 1), name, StringComparison.Ordinal);
    }

    /// <summary>The last folder's name: the report's start time.</summary>
    private static string Timestamp(string folder)
    {
        string trimmed = folder.TrimEnd('/', System.IO.Path.DirectorySeparatorChar);
        int cut = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf(System.IO.Path.DirectorySeparatorChar));
        return trimmed.Substring(cut + 1);
    }
}
