using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;

namespace EncordSpec.Format;

/// <summary>How <see cref="MediaMetadata"/> is written into a spec item: each metadata key's fields, spelled as in the
/// platform's own examples (imageMetadata in camelCase, the others in snake_case), and read back in either spelling
/// (the platform's models accept both).</summary>
internal static class MediaMetadataFields
{
    private delegate object? Getter(MediaMetadata metadata);
    private delegate void Setter(MediaMetadata metadata, object value);

    private sealed class Field
    {
        public Field(string name, Getter get, Setter set)
        {
            Name = name;
            Get = get;
            Set = set;
        }

        public string Name { get; }
        public Getter Get { get; }
        public Setter Set { get; }
    }

    private static readonly Field MimeType = new("mime_type", m => m.MimeType, (m, v) => m.MimeType = AsString(v));
    private static readonly Field FileSize = new("file_size", m => m.FileSize, (m, v) => m.FileSize = AsLong(v));
    private static readonly Field Width = new("width", m => m.Width, (m, v) => m.Width = AsInt(v));
    private static readonly Field Height = new("height", m => m.Height, (m, v) => m.Height = AsInt(v));
    private static readonly Field Duration = new("duration", m => m.Duration, (m, v) => m.Duration = AsDouble(v));
    private static readonly Field Fps = new("fps", m => m.Fps, (m, v) => m.Fps = AsDouble(v));
    private static readonly Field SampleRate = new("sample_rate", m => m.SampleRate, (m, v) => m.SampleRate = AsInt(v));
    private static readonly Field BitDepth = new("bit_depth", m => m.BitDepth, (m, v) => m.BitDepth = AsInt(v));
    private static readonly Field Codec = new("codec", m => m.Codec, (m, v) => m.Codec = AsString(v));
    private static readonly Field Channels = new("num_channels", m => m.Channels, (m, v) => m.Channels = AsInt(v));
    private static readonly Field PageCount = new("num_pages", m => m.PageCount, (m, v) => m.PageCount = AsInt(v));

    /// <summary>Each key's fields in the order the platform's examples list them.</summary>
    private static readonly Dictionary<string, Field[]> ByKey = new(StringComparer.Ordinal)
    {
        [SpecKeys.ImageMetadata] = new[] { MimeType, FileSize, Width, Height },
        [SpecKeys.VideoMetadata] = new[] { Fps, Duration, Width, Height, FileSize, MimeType },
        [SpecKeys.AudioMetadata] = new[] { Duration, FileSize, MimeType, SampleRate, BitDepth, Codec, Channels },
        [SpecKeys.TextMetadata] = new[] { FileSize, MimeType },
        [SpecKeys.PdfMetadata] = new[] { FileSize, PageCount },
    };

    /// <summary>imageMetadata alone is written in camelCase in the platform's examples.</summary>
    private static bool WritesCamelCase(string key) => key == SpecKeys.ImageMetadata;

    /// <summary>The metadata keys this mapping knows.</summary>
    public static IEnumerable<string> Keys => ByKey.Keys;

    /// <summary>The field names <paramref name="key"/> is written with, in order.</summary>
    public static IEnumerable<string> FieldNames(string key)
    {
        foreach (var field in FieldsOf(key))
            yield return Spell(key, field.Name);
    }

    /// <summary>The JSON object for <paramref name="key"/>: every field of that key that has a value, then the
    /// <see cref="MediaMetadata.OtherFields"/> a spec had (unless a field of the key took their name). Metadata read
    /// from a spec is written with the names and in the order it was read with, so a round trip keeps the object as
    /// it was; fields given a value since then follow in the platform's spelling.</summary>
    public static OrderedDictionary ToSpecObject(MediaMetadata metadata, string key)
    {
        var result = new OrderedDictionary(StringComparer.Ordinal);
        var fields = FieldsOf(key);
        var written = new HashSet<Field>();
        var others = metadata.OtherFields;
        if (metadata.NamesAsRead is { } names)
        {
            foreach (string name in names)
            {
                if (result.Contains(name))
                    continue;
                if (Find(fields, name) is { } field && !written.Contains(field) && field.Get(metadata) is { } value)
                {
                    result.Add(name, value);
                    written.Add(field);
                }
                else if (others is not null && others.Contains(name))
                {
                    result.Add(name, others[name]);
                }
            }
        }
        foreach (var field in fields)
            if (!written.Contains(field) && field.Get(metadata) is { } value && !result.Contains(Spell(key, field.Name)))
                result.Add(Spell(key, field.Name), value);
        if (others is not null)
            foreach (DictionaryEntry entry in others)
                if (!result.Contains(entry.Key))
                    result.Add(entry.Key, entry.Value);
        return result;
    }

    /// <summary>The fields <paramref name="key"/> needs that <paramref name="metadata"/> has no value for (a strict
    /// client-only integration refuses an item without all of them).</summary>
    public static IReadOnlyList<string> MissingFields(MediaMetadata metadata, string key)
    {
        var missing = new List<string>();
        foreach (var field in FieldsOf(key))
            if (field.Get(metadata) is null)
                missing.Add(Spell(key, field.Name));
        return missing;
    }

    /// <summary>Reads a spec's metadata object, each field in either spelling. What is not a field of
    /// <paramref name="key"/> with a value of the right type (a name the platform does not know, another key's field,
    /// a width given as text) goes to <see cref="MediaMetadata.OtherFields"/> as it was, so nothing a user wrote is
    /// lost; the validator reports the wrong types with their positions.</summary>
    public static MediaMetadata FromSpecObject(IDictionary values, string key)
    {
        var metadata = new MediaMetadata();
        var fields = FieldsOf(key);
        var names = new List<string>(values.Count);
        metadata.NamesAsRead = names;
        foreach (DictionaryEntry entry in values)
        {
            if (entry.Key is string spelled)
                names.Add(spelled);
            if (entry.Key is string name && entry.Value is not null && Find(fields, name) is { } field && TrySet(field, metadata, entry.Value))
                continue;
            (metadata.OtherFields ??= new OrderedDictionary(StringComparer.Ordinal)).Add(entry.Key, entry.Value);
        }
        return metadata;
    }

    private static bool TrySet(Field field, MediaMetadata metadata, object value)
    {
        if (field.Get(metadata) is not null)
            return false; // both spellings given: the second is kept as written
        try
        {
            field.Set(metadata, value);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    private static Field[] FieldsOf(string key) =>
        ByKey.TryGetValue(key, out var fields) ? fields : throw new ArgumentOutOfRangeException(nameof(key), key, "Not a media metadata key.");

    private static Field? Find(Field[] fields, string name)
    {
        foreach (var field in fields)
            if (name == field.Name || name == ToCamelCase(field.Name))
                return field;
        return null;
    }

    private static string Spell(string key, string snakeName) => WritesCamelCase(key) ? ToCamelCase(snakeName) : snakeName;

    private static string ToCamelCase(string snake)
    {
        var text = new System.Text.StringBuilder(snake.Length);
        bool upper = false;
        foreach (char c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return text.ToString();
    }

    private static string AsString(object value) => value as string ?? throw new InvalidCastException();

    private static long AsLong(object value) => value is string or bool ? throw new InvalidCastException()
        : value is double or float or decimal ? checked((long)WholeNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
        : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static int AsInt(object value) => checked((int)AsLong(value));

    private static double AsDouble(object value) => value switch
    {
        string or bool => throw new InvalidCastException(),
        // A decimal with more digits than a double holds stays in OtherFields as written, so a round trip keeps it.
        decimal exact when !IsExactDouble(exact) => throw new FormatException(),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Whether the double nearest to <paramref name="value"/> is written back as the same number (the writer
    /// writes a double's shortest round-trip text).</summary>
    private static bool IsExactDouble(decimal value)
    {
        string written = ((double)value).ToString("R", CultureInfo.InvariantCulture);
        return decimal.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal back) && back == value;
    }

    /// <summary>1920.0 is a whole number; 1920.5 is not.</summary>
    private static double WholeNumber(double value) => Math.Floor(value) == value ? value : throw new FormatException();
}
