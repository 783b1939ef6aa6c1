using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>Azure Blob Inventory: each rule's run writes YYYY/MM/DD/HH-MM-SS/&lt;ruleName&gt;/ in the destination
/// container, with &lt;ruleName&gt;-manifest.json listing the data files by blob path and size, and
/// &lt;ruleName&gt;-manifest.checksum (the MD5 of the manifest, written last: it marks the run complete). CSV files
/// have a header row; the columns are the rule's schemaFields. Name is 'container/blob', as the inventory covers
/// the whole account; the blob paths come in no particular order.</summary>
internal static class AzureInventoryManifest
{
    public const string ManifestSuffix = "-manifest.json";
    public const string ChecksumSuffix = "-manifest.checksum";

    public static InventoryManifest Read(IReportFiles files, string location, CancellationToken cancellationToken)
    {
        byte[] bytes = ManifestJson.ReadBytes(files, location, cancellationToken);
        string checksum = location.Substring(0, location.Length - ManifestSuffix.Length) + ChecksumSuffix;
        ManifestJson.VerifyChecksum(bytes, location, files, checksum, cancellationToken);
        using var document = ManifestJson.Parse(bytes, location);
        var root = document.RootElement;

        string status = ManifestJson.String(root, "status") ?? "Succeeded";
        if (!status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
            throw InventoryManifest.Corrupt(location, $"describes a run whose status is '{status}', not 'Succeeded': its data files may miss blobs.");
        var definition = ManifestJson.Require(root, location, "ruleDefinition");
        string objectType = ManifestJson.String(definition, "objectType") ?? "blob";
        if (!objectType.Equals("blob", StringComparison.OrdinalIgnoreCase))
            throw InventoryManifest.Corrupt(location, $"describes a '{objectType}' inventory; only blob inventories list objects.");
        string format = ManifestJson.String(definition, "format") ?? "csv";
        bool parquet = format.Equals("parquet", StringComparison.OrdinalIgnoreCase);
        if (!parquet && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            throw InventoryManifest.Corrupt(location, $"names the format '{format}'; csv and parquet reports can be read.");

        var entries = ManifestJson.Require(root, location, "files").EnumerateArray().ToList();
        var blobs = entries.Select(f => ManifestJson.String(f, "blob") ?? throw InventoryManifest.Corrupt(location, "lists a data file without a 'blob' path.")).ToList();
        var paths = DataFileLocator.Resolve(files, location, blobs, null);
        var dataFiles = entries.Select((f, i) => new InventoryDataFile(paths[i], ManifestJson.Integer(f, "size"), null)).ToList();

        return new InventoryManifest(CloudProvider.Azure, location, parquet, dataFiles)
        {
            AccountName = AccountOf(ManifestJson.String(root, "endpoint")),
            Created = ParseTime(ManifestJson.String(root, "inventoryStartTime")),
            ObjectCount = ManifestJson.Find(root, "summary") is { } summary ? ManifestJson.Integer(summary, "objectCount") : null,
        };
    }

    /// <summary>The account of an endpoint: https://&lt;account&gt;.blob.core.windows.net, or an emulator's
    /// http://127.0.0.1:10000/&lt;account&gt;.</summary>
    public static string? AccountOf(string? endpoint)
    {
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return null;
        bool pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.Host == "localhost";
        return pathStyle ? uri.AbsolutePath.Trim('/').Split('/')[0] : uri.Host.Split('.')[0];
    }

    private static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>The newest complete run under a folder: a manifest with its checksum beside it, latest by its
    /// YYYY/MM/DD/HH-MM-SS path (which sorts as text). Several rules in that run are ambiguous.</summary>
    public static string? FindNewest(IReportFiles files, string folder, CancellationToken cancellationToken)
    {
        var all = new HashSet<string>(files.ListFiles(folder, cancellationToken), StringComparer.Ordinal);
        var complete = all.Where(f => f.EndsWith(ManifestSuffix, StringComparison.Ordinal)
                                      && all.Contains(f.Substring(0, f.Length - ManifestSuffix.Length) + ChecksumSuffix))
            .Select(f => (Manifest: f, Run: files.FolderOf(files.FolderOf(f).TrimEnd('/', System.IO.Path.DirectorySeparatorChar))))
            .OrderByDescending(m => m.Run, StringComparer.Ordinal)
            .ToList();
        if (complete.Count == 0)
            return null;
        var newest = complete.Where(m => m.Run == complete[0].Run).Select(m => m.Manifest).ToList();
        if (newest.Count > 1)
            throw new ArgumentException($"The newest inventory run under '{folder}' has {newest.Count} rules' reports; name one manifest: {string.Join(", ", newest)}.");
        return newest[0];
    }
}
