using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Threading;

namespace EncordSpec.Storage.Inventory;

/// <summary>Reads one Parquet data file row group by row group through EncordSpec.Storage.Parquet (Parquet.Net needs
/// .NET 8, this assembly is netstandard2.0), bound by name on first use from the same folder and load context.</summary>
internal static class ParquetInventoryFile
{
    private const string ReaderAssembly = "EncordSpec.Storage.Parquet";
    private static readonly object Gate = new();
    private static Func<Stream, string[]>? readColumnNames;
    private static Func<Stream, string[], CancellationToken, IEnumerable<Array?[]>>? readRowGroups;

    public static IEnumerable<InventoryRow> Read(Stream seekable, InventoryManifest manifest, string location, CancellationToken cancellationToken)
    {
        Bind();
        string[] names;
        try
        {
            names = readColumnNames!(seekable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw InventoryManifest.Corrupt(location, $"is not a readable Parquet file: {e.Message}");
        }
        var at = InventoryColumns.Locate(manifest.Provider, names);
        if (at[(int)InventoryColumn.Key] < 0)
            throw InventoryManifest.Corrupt(location, $"has no '{InventoryColumns.KeyName(manifest.Provider, true)}' column " +
                $"(its columns are {(names.Length == 0 ? "none" : string.Join(", ", names))}), so it names no objects.");
        var wanted = new string[at.Length];
        for (int c = 0; c < at.Length; c++)
            wanted[c] = at[c] >= 0 ? names[at[c]] : "";

        seekable.Position = 0;
        using var groups = readRowGroups!(seekable, wanted, cancellationToken).GetEnumerator();
        var row = new InventoryRow();
        while (true)
        {
            Array?[] columns;
            try
            {
                if (!groups.MoveNext())
                    break;
                columns = groups.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw InventoryManifest.Corrupt(location, $"cannot be read: {e.Message}");
            }
            int count = columns[(int)InventoryColumn.Key]?.Length ?? 0;
            for (int i = 0; i < count; i++)
            {
                row.Clear();
                row.Key = Text(columns, InventoryColumn.Key, i) ?? "";
                row.Bucket = Text(columns, InventoryColumn.Bucket, i);
                row.Size = Integer(columns, InventoryColumn.Size, i);
                row.LastModified = Time(columns, InventoryColumn.LastModified, i);
                row.ETag = Text(columns, InventoryColumn.ETag, i);
                row.ContentType = Text(columns, InventoryColumn.ContentType, i);
                row.StorageClass = Text(columns, InventoryColumn.StorageClass, i);
                row.IsLatest = Flag(columns, InventoryColumn.IsLatest, i);
                row.IsDeleteMarker = Flag(columns, InventoryColumn.IsDeleteMarker, i);
                row.Deleted = Flag(columns, InventoryColumn.Deleted, i);
                row.IsFolder = Flag(columns, InventoryColumn.IsFolder, i);
                row.HasSnapshot = !string.IsNullOrEmpty(Text(columns, InventoryColumn.Snapshot, i));
                row.HasTimeDeleted = Time(columns, InventoryColumn.TimeDeleted, i) is not null;
                yield return row;
            }
        }
    }

    private static string? Text(Array?[] columns, InventoryColumn column, int row) => columns[(int)column] switch
    {
        string?[] text => string.IsNullOrEmpty(text[row]) ? null : text[row],
        long?[] numbers => numbers[row]?.ToString(CultureInfo.InvariantCulture),
        bool?[] flags => flags[row] is { } flag ? (flag ? "true" : "false") : null,
        DateTime?[] times => times[row]?.ToString("o", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static long? Integer(Array?[] columns, InventoryColumn column, int row) => columns[(int)column] switch
    {
        long?[] numbers => numbers[row],
        string?[] text => string.IsNullOrEmpty(text[row]) ? null : long.Parse(text[row], NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static DateTime? Time(Array?[] columns, InventoryColumn column, int row) => columns[(int)column] switch
    {
        DateTime?[] times => times[row],
        long?[] millis => millis[row] is { } ms ? new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(ms) : null,
        string?[] text => string.IsNullOrEmpty(text[row]) ? null : CsvInventoryFile.ParseTime(text[row]!),
        _ => null,
    };

    private static bool? Flag(Array?[] columns, InventoryColumn column, int row) => columns[(int)column] switch
    {
        bool?[] flags => flags[row],
        string?[] text => string.IsNullOrEmpty(text[row]) ? null : text[row]!.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => null,
    };

    private static void Bind()
    {
        lock (Gate)
        {
            if (readRowGroups is not null)
                return;
            Assembly assembly;
            try
            {
                // Loads into this assembly's own load context, which finds it in deps/.
                assembly = Assembly.Load(new AssemblyName(ReaderAssembly));
            }
            catch (Exception e) when (e is FileNotFoundException or BadImageFormatException or FileLoadException)
            {
                throw new NotSupportedException("Parquet inventory reports need PowerShell 7.4 or later (.NET 8); " +
                    $"this session runs {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}. CSV reports can be read here. ({e.Message})");
            }
            var type = assembly.GetType("EncordSpec.Storage.Parquet.ParquetColumnReader", throwOnError: true)!;
            readColumnNames = (Func<Stream, string[]>)Delegate.CreateDelegate(typeof(Func<Stream, string[]>),
                type.GetMethod("ReadColumnNames", BindingFlags.Public | BindingFlags.Static)!);
            readRowGroups = (Func<Stream, string[], CancellationToken, IEnumerable<Array?[]>>)Delegate.CreateDelegate(
                typeof(Func<Stream, string[], CancellationToken, IEnumerable<Array?[]>>),
                type.GetMethod("ReadRowGroups", BindingFlags.Public | BindingFlags.Static)!);
        }
    }
}
