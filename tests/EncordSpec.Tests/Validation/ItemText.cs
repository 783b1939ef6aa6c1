using System.Text;
using System.Text.Json;

namespace EncordSpec.Tests.Validation;

/// <summary>An item as one line of text with everything a spec holds (type, title, URLs, createVideo, metadata as
/// compact JSON), for comparing items read back with the items written.</summary>
internal static class ItemText
{
    public static string Of(EncordDataItem item)
    {
        var text = new StringBuilder(item.GetType().Name).Append(" title=").Append(item.Title ?? "<none>");
        switch (item)
        {
            case EncordSingleItem single:
                text.Append(" url=").Append(single.ObjectUrl).Append(" media=").Append(Media(single));
                break;
            case EncordGroupItem group:
                text.Append(" urls=").Append(string.Join("|", group.ObjectUrls));
                if (group is EncordImageGroup imageGroup) text.Append(" createVideo=").Append(imageGroup.CreateVideo);
                break;
        }
        return text.Append(" meta=").Append(Json(item.ClientMetadata)).ToString();
    }

    /// <summary>The media metadata as the spec writes it under the item's key (every typed field and the others).</summary>
    private static string Media(EncordSingleItem item)
    {
        if (item.MediaMetadata is null) return "<none>";
        string key = SpecKeys.MediaMetadataKey(item.Section);
        return key + Json(MediaMetadataFields.ToSpecObject(item.MediaMetadata, key));
    }

    private static string Json(object? tree)
    {
        if (tree is null) return "<none>";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SpecJsonOptions.Encoder }))
            JsonTreeWriter.Write(writer, tree);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
