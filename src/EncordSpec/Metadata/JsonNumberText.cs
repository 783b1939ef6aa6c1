using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EncordSpec.Metadata;

/// <summary>Keeps a metadata number exactly as a spec wrote it. The reader gives users a plain .NET number (long,
/// else decimal, else double), so PowerShell arithmetic, comparisons, Sort-Object, ConvertTo-Json and Export-Csv
/// treat it as any number. When that number would be written back differently (1e-29 is decimal 0, -0 is 0,
/// 1E2 is 100, a 40-digit integer or a 31-digit fraction is rounded), the written text is remembered for that very
/// boxed value, by reference: the writer writes that text. A value the user replaces, or computes from this one, is
/// another object and is written normally. Most numbers (42, 2.5) need no entry.</summary>
internal static class JsonNumberText
{
    private static readonly ConditionalWeakTable<object, string> Texts = new();

    /// <summary>The number token the reader stands on, as the value users get.</summary>
    public static object Read(ref Utf8JsonReader reader)
    {
        string text = reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
        object value;
        string written;
        if (reader.TryGetInt64(out long integer))
        {
            value = integer;
            written = integer.ToString(CultureInfo.InvariantCulture);
        }
        else if (reader.TryGetDecimal(out decimal exact) && (exact != 0 || reader.GetDouble() == 0))
        {
            // Decimal unless it lost the number entirely (1e-29 underflows to 0, where a double still holds it).
            value = exact;
            written = exact.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            value = reader.GetDouble();
            written = "";
        }
        if (!string.Equals(text, written, StringComparison.Ordinal))
            Texts.Add(value, text);
        return value;
    }

    /// <summary>The text a spec wrote for this boxed number, when it is one the reader made and it differs from
    /// how the number is written.</summary>
    public static bool TryGetText(object value, out string text) => Texts.TryGetValue(value, out text!);
}
