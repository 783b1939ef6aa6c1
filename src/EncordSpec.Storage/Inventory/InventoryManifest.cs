using System;
using System.Collections.Generic;
using System.IO;
using EncordSpec.Listing;

namespace EncordSpec.Storage.Inventory;

/// <summary>What a provider's manifest says about one report, in common terms: the data files to read, and how.</summary>
internal sealed class InventoryManifest
{
    public InventoryManifest(CloudProvider provider, string location, bool isParquet, IReadOnlyList<InventoryDataFile> files)
    {
        Provider = provider;
        Location = location;
        IsParquet = isParquet;
        Files = files;
    }

    public CloudProvider Provider { get; }
    public string Location { get; }
    public bool IsParquet { get; }
    public IReadOnlyList<InventoryDataFile> Files { get; }

    /// <summary>The CSV columns when the data files have no header row (S3's fileSchema; GCS without header_required).</summary>
    public IReadOnlyList<string>? CsvColumns { get; set; }
    public bool CsvHasHeader { get; set; } = true;
    public char CsvSeparator { get; set; } = ',';
    /// <summary>S3 writes CSV keys URL-encoded (a space as '+'); Parquet keys are plain.</summary>
    public bool CsvKeysUrlEncoded { get; set; }

    public string? SourceBucket { get; set; }
    public string? AccountName { get; set; }
    public DateTime? Created { get; set; }
    public long? ObjectCount { get; set; }

    public InventoryReport ToReport()
    {
        var locations = new List<string>(Files.Count);
        foreach (var file in Files)
            locations.Add(file.Location);
        return new InventoryReport(Provider, Location, IsParquet ? "Parquet" : "CSV", locations)
        {
            SourceBucket = SourceBucket,
            AccountName = AccountName,
            Created = Created,
            ObjectCount = ObjectCount,
        };
    }

    /// <summary>The error for a report that cannot be trusted, naming the file at fault.</summary>
    public static InvalidDataException Corrupt(string file, string problem)
    {
        var error = new InvalidDataException($"The inventory report file '{file}' {problem}");
        error.Data[FileKey] = file;
        return error;
    }

    /// <summary>Where <see cref="Corrupt"/> records the file at fault, so it is not wrapped again.</summary>
    public const string FileKey = "EncordSpec.InventoryFile";

    public static bool IsCorrupt(Exception e) => e is InvalidDataException && e.Data.Contains(FileKey);
}

/// <summary>A data file the manifest lists, with the size and MD5 it gives (when it gives them).</summary>
internal sealed class InventoryDataFile
{
    public InventoryDataFile(string location, long? size, string? md5Hex)
    {
        Location = location;
        Size = size;
        Md5Hex = md5Hex;
    }

    public string Location { get; }
    public long? Size { get; }
    public string? Md5Hex { get; }
}

