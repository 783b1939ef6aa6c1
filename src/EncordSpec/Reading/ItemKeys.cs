using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EncordSpec.Format;

namespace EncordSpec.Reading;

/// <summary>What an item key is, for the section it is in.</summary>
internal enum ItemKey
{
    ObjectUrl,
    IndexedObjectUrl,
    MalformedObjectUrlKey,
    Title,
    CreateVideo,
    ClientMetadata,
    MediaMetadata,
    Other,
    /// <summary>The key's text cannot be decoded (invalid UTF-8 or escape).</summary>
    Undecodable,
}

/// <summary>Recognises item keys straight from the reader's bytes, so the common keys cost no string.</summary>
internal static class ItemKeys
{
    private static readonly string[] ImageGroupKeys = { SpecKeys.Title, SpecKeys.CreateVideo, SpecKeys.IndexedObjectUrl(0), SpecKeys.ClientMetadata };
    private static readonly string[] DicomKeys = { SpecKeys.Title, SpecKeys.IndexedObjectUrl(0), SpecKeys.ClientMetadata };

    /// <summary>The keys an item of the section may have, for suggestions.</summary>
    public static string[] KnownKeys(SpecSection section) => section switch
    {
        SpecSection.ImageGroups => ImageGroupKeys,
        SpecSection.DicomSeries => DicomKeys,
        _ => MediaMetadataSchema.For(section) is { } schema
            ? new[] { SpecKeys.ObjectUrl, SpecKeys.Title, SpecKeys.ClientMetadata, schema.Key }
            : new[] { SpecKeys.ObjectUrl, SpecKeys.Title, SpecKeys.ClientMetadata },
    };

    /// <summary>Classifies the property name the reader stands on. <paramref name="name"/> is its text (null for
    /// undecodable keys, and for objectUrl_N, which <paramref name="urlIndex"/> gives as N).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static ItemKey Identify(ref Utf8JsonReader reader, SpecSection section, out int urlIndex, out string? name)
    {
        urlIndex = -1;
        if (reader.ValueIsEscaped)
        {
            // Escaped names are rare: decode (which may fail on a bad escape) and classify the text.
            if (!JsonTokens.TryGetString(ref reader, out name))
                return ItemKey.Undecodable;
            return Classify(name!, System.Text.Encoding.UTF8.GetBytes(name!), section, out urlIndex, ref name);
        }
        name = null;
        return Classify(null, reader.ValueSpan, section, out urlIndex, ref name);
    }

    /// <summary>Classifies a key by its UTF-8 bytes; <paramref name="text"/> is its text when already decoded.</summary>
    private static ItemKey Classify(string? text, ReadOnlySpan<byte> key, SpecSection section, out int urlIndex, ref string? name)
    {
        urlIndex = -1;
        bool group = section is SpecSection.ImageGroups or SpecSection.DicomSeries;
        if (key.SequenceEqual(SpecKeys.Utf8.ObjectUrl))
        {
            name = SpecKeys.ObjectUrl;
            return group ? ItemKey.Other : ItemKey.ObjectUrl;
        }
        if (key.SequenceEqual(SpecKeys.Utf8.Title))
        {
            name = SpecKeys.Title;
            return ItemKey.Title;
        }
        if (key.SequenceEqual(SpecKeys.Utf8.ClientMetadata))
        {
            name = SpecKeys.ClientMetadata;
            return ItemKey.ClientMetadata;
        }
        if (key.SequenceEqual(SpecKeys.Utf8.CreateVideo))
        {
            name = SpecKeys.CreateVideo;
            return section == SpecSection.ImageGroups ? ItemKey.CreateVideo : ItemKey.Other;
        }
        if (MediaMetadataSchema.For(section) is { } schema && key.SequenceEqual(schema.KeyUtf8))
        {
            name = schema.Key;
            return ItemKey.MediaMetadata;
        }
        if (group && key.StartsWith(SpecKeys.Utf8.ObjectUrlPrefix))
        {
            urlIndex = ParseIndex(key.Slice(SpecKeys.Utf8.ObjectUrlPrefix.Length));
            if (urlIndex >= 0)
            {
                name = text; // for a plain key, made only when a message needs it
                return ItemKey.IndexedObjectUrl;
            }
            name = text ?? System.Text.Encoding.UTF8.GetString(key.ToArray());
            return ItemKey.MalformedObjectUrlKey;
        }
        name = text ?? System.Text.Encoding.UTF8.GetString(key.ToArray());
        return ItemKey.Other;
    }

    /// <summary>N of objectUrl_N: 0 or digits without a leading zero, at most 9 of them; -1 otherwise.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static int ParseIndex(ReadOnlySpan<byte> digits)
    {
        if (digits.Length == 0 || digits.Length > 9 || (digits[0] == (byte)'0' && digits.Length > 1))
            return -1;
        int value = 0;
        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            value = value * 10 + (b - '0');
        }
        return value;
    }
}
