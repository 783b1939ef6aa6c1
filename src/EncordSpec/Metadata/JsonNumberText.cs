using System;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EncordSpec.Metadata;

/// <summary>Keeps a metadata number exactly as a spec wrote it. The reader gives users a plain .NET number (long,
/// else decimal, else double), so PowerShell arithmetic, comparisons, Sort-Object, ConvertTo-Json and Export-Csv
/// treat it as any number. When that number would be written back differently (1e-29 is decimal 0, -0 is 0,
/// 1E2 is 100, a 40-digit integer or a 31-digit fraction is rounded), the token is remembered for that very
/// boxed value, by reference, and the writer writes it as it was. A value the user replaces, or computes from this one, is
/// another object and is written normally. Most numbers (42, 2.5) need no entry.</summary>
internal static class JsonNumberText
{
    /// <summary>Boxed number → its token as a JsonElement, which Utf8JsonWriter writes as it was, in the place the
    /// writer is at (a raw write would skip the indentation of an array element).</summary>
    private static readonly ConditionalWeakTable<object, object> Tokens = new();

    /// <summary>The number token the reader stands on, as the value users get.</summary>
    public static object Read(ref Utf8JsonReader reader)
    {
        object value;
        bool writtenAlike;
        if (reader.TryGetInt64(out long integer))
        {
            // JSON integers have no leading zeros or '+', so only "-0" is written otherwise.
            value = integer;
            writtenAlike = integer != 0 || reader.ValueSpan[0] != (byte)'-';
        }
        else if (reader.TryGetDecimal(out decimal exact) && (exact != 0 || reader.GetDouble() == 0))
        {
            // Decimal unless it lost the number entirely (1e-29 underflows to 0, where a double still holds it).
            value = exact;
            writtenAlike = IsWrittenAs(reader.ValueSpan, exact);
        }
        else
        {
            value = reader.GetDouble();
            writtenAlike = false;
        }
        if (!writtenAlike)
            Tokens.Add(value, JsonElement.ParseValue(ref reader));
        return value;
    }

    /// <summary>Whether Utf8JsonWriter writes the decimal as this token (it formats with Utf8Formatter too).</summary>
    private static bool IsWrittenAs(ReadOnlySpan<byte> token, decimal value)
    {
        Span<byte> formatted = stackalloc byte[64];
        return Utf8Formatter.TryFormat(value, formatted, out int length) && formatted.Slice(0, length).SequenceEqual(token);
    }

    /// <summary>Writes the number as a spec wrote it, when it is one the reader made and it would be written
    /// differently; false otherwise.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, object value)
    {
        if (!Tokens.TryGetValue(value, out object? token))
            return false;
        ((JsonElement)token).WriteTo(writer);
        return true;
    }
}
