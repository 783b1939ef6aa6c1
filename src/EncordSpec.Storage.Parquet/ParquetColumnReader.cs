using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace EncordSpec.Storage.Parquet;

/// <summary>Reads chosen columns of a Parquet file one row group at a time, so a file of any size needs the memory of
/// one row group. Values come as plain typed arrays: string[] for text, long?[] for integers, bool?[] for booleans and
/// DateTime?[] (UTC) for timestamps. Bound by name from EncordSpec.Storage (see InventoryParquetFile there).</summary>
public static class ParquetColumnReader
{
    /// <summary>The names of the file's top-level data columns, in schema order.</summary>
    public static string[] ReadColumnNames(Stream stream)
    {
        var reader = Wait(ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, CancellationToken.None));
        try
        {
            return reader.Schema.GetDataFields().Select(f => f.Name).ToArray();
        }
        finally
        {
            Wait(reader.DisposeAsync());
        }
    }

    /// <summary>For each row group, one array per name in <paramref name="columns"/> (null for a column the file lacks),
    /// all of the row group's length. Names match case-insensitively.</summary>
    public static IEnumerable<Array?[]> ReadRowGroups(Stream stream, string[] columns, CancellationToken cancellationToken)
    {
        var reader = Wait(ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken));
        try
        {
            foreach (var values in ReadRowGroups(reader, columns, cancellationToken))
                yield return values;
        }
        finally
        {
            Wait(reader.DisposeAsync());
        }
    }

    private static IEnumerable<Array?[]> ReadRowGroups(ParquetReader reader, string[] columns, CancellationToken cancellationToken)
    {
        var fields = reader.Schema.GetDataFields();
        var chosen = columns.Select(name => fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var rowGroup = reader.OpenRowGroupReader(group);
            int rows = checked((int)rowGroup.RowCount);
            var values = new Array?[chosen.Length];
            for (int c = 0; c < chosen.Length; c++)
                values[c] = chosen[c] is { } field ? Wait(ReadColumn(rowGroup, field, rows, cancellationToken)) : null;
            yield return values;
        }
    }

    private static async Task<Array> ReadColumn(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await rowGroup.ReadAsync(field, text.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return text;
        }
        if (type == typeof(bool))
            return await Read<bool>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false);
        if (type == typeof(DateTime))
        {
            var times = await Read<DateTime>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < times.Length; i++)
                if (times[i] is { } t)
                    times[i] = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
            return times;
        }
        if (type == typeof(DateTimeOffset))
            return (await Read<DateTimeOffset>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false)).Select(t => t?.UtcDateTime).ToArray();
        if (type == typeof(long))
            return await Read<long>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false);
        if (type == typeof(int))
            return (await Read<int>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false)).Select(v => (long?)v).ToArray();
        if (type == typeof(ulong))
            return (await Read<ulong>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false)).Select(v => (long?)v).ToArray();
        throw new InvalidDataException($"The column '{field.Name}' holds {type.Name} values, which an inventory report does not use.");
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken cancellationToken) where T : struct
    {
        var values = new T?[rows];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    // The callers are synchronous pipeline threads; Parquet.Net's reads complete on the thread pool.
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
    private static T Wait<T>(ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
    private static void Wait(ValueTask task)
    {
        if (!task.IsCompleted)
            task.AsTask().GetAwaiter().GetResult();
        else
            task.GetAwaiter().GetResult();
    }
}
