using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using EncordSpec.Metadata;

namespace EncordSpec.Input;

/// <summary>ConvertTo-EncordSpec -Unique, to merge specs: a single file is kept once per object URL and a group or
/// series once per section and list of object URLs (in order), the first that comes. A duplicate that says something
/// else (another title, clientMetadata or createVideo) is dropped too, but with a warning, so nothing changes
/// silently. Sort-Object ObjectUrl -Unique cannot do this: groups have no ObjectUrl.</summary>
internal sealed class UniqueItems
{
    private readonly Dictionary<string, ulong> firstSeen = new(StringComparer.Ordinal);

    /// <summary>Duplicates dropped so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>True for the first item of its URL or URL list. False for a duplicate, with a warning when it differs
    /// from the one kept.</summary>
    public bool TryAdd(EncordDataItem item, out string? warning)
    {
        warning = null;
        string key = KeyOf(item);
        ulong details = DetailsOf(item);
        if (firstSeen.TryGetValue(key, out ulong kept))
        {
            Dropped++;
            if (kept != details)
                warning = $"Dropped a duplicate of {Describe(item)} whose title, clientMetadata or other values differ from the one kept (the first that came{From(item)}).";
            return false;
        }
        firstSeen.Add(key, details);
        return true;
    }

    private static string KeyOf(EncordDataItem item)
    {
        if (item is EncordSingleItem single)
            return single.ObjectUrl;
        var group = (EncordGroupItem)item;
        var key = new StringBuilder();
        key.Append((int)group.Section);
        foreach (string url in group.ObjectUrls)
            key.Append('\n').Append(url);
        return key.ToString();
    }

    /// <summary>A hash of everything but the URLs, to tell a true duplicate from one that says something else.</summary>
    private static ulong DetailsOf(EncordDataItem item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)item.Section);
            writer.WriteStringValue(item.Title);
            JsonTreeWriter.Write(writer, item.ClientMetadata);
            if (item is EncordImageGroup imageGroup)
                writer.WriteBooleanValue(imageGroup.CreateVideo);
            if (item is EncordSingleItem single)
                JsonTreeWriter.Write(writer, single.MediaMetadata);
            writer.WriteEndArray();
        }
        return Validation.StringHash64.Of(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static string Describe(EncordDataItem item) => item switch
    {
        EncordSingleItem single => $"'{single.ObjectUrl}'",
        EncordImageGroup group => $"the image group '{group.Title}'",
        _ => $"the DICOM series '{item.Title}'",
    };

    private static string From(EncordDataItem item) => item.Source is { } source ? "; the duplicate is " + source : "";
}
