using System.Collections.Specialized;
using EncordSpec.Metadata;

namespace EncordSpec.Input;

/// <summary>Makes the typed single item for a file of a given type, reading Title and ClientMetadata from the
/// input object when it has them (a row of Import-Csv, a PSCustomObject).</summary>
internal static class SingleItemFactory
{
    /// <summary>The item, or null for types that are not single items (DICOM, unsupported).</summary>
    public static EncordSingleItem? Create(ObjectUrlInput input, DataType type)
    {
        EncordSingleItem? item = type switch
        {
            DataType.Image => new EncordImage(input.ObjectUrl),
            DataType.Video => new EncordVideo(input.ObjectUrl),
            DataType.Audio => new EncordAudio(input.ObjectUrl),
            _ => null,
        };
        if (item is null || input.IsKnownType)
            return item;

        string? title = InputProperties.GetString(input.Source, "Title");
        if (!string.IsNullOrEmpty(title))
            item.Title = title;
        object? metadata = InputProperties.Get(input.Source, "ClientMetadata");
        if (metadata is not null && !(metadata is string text && text.Length == 0))
            item.ClientMetadata = metadata is string json ? JsonTreeReader.ParseObject(json) : JsonValueNormalizer.ToJsonObject(metadata);
        return item;
    }

    /// <summary>Adds the keys of <paramref name="extra"/> to the item's metadata; keys in both take the extra value.</summary>
    public static OrderedDictionary Merge(OrderedDictionary? own, OrderedDictionary extra)
    {
        if (own is null || own.Count == 0)
            return extra;
        var merged = new OrderedDictionary(System.StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in own)
            merged[entry.Key] = entry.Value;
        foreach (System.Collections.DictionaryEntry entry in extra)
            merged[entry.Key] = entry.Value;
        return merged;
    }
}
