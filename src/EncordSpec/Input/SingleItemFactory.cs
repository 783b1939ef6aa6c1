using System.Collections.Specialized;
using EncordSpec.Metadata;

namespace EncordSpec.Input;

/// <summary>Makes the typed single item for a file of a given type, reading Title and ClientMetadata from the
/// input object when it has them (a row of Import-Csv, a PSCustomObject), and the MediaMetadata that Get-CloudObject
/// -MediaMetadata read.</summary>
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
            DataType.Text => new EncordText(input.ObjectUrl),
            DataType.Pdf => new EncordPdf(input.ObjectUrl),
            DataType.Nifti => new EncordNifti(input.ObjectUrl),
            _ => null,
        };
        if (item is null)
            return null;
        item.MediaMetadata = MediaMetadataOf(input);
        if (input.IsKnownType)
            return item;

        string? title = InputProperties.GetString(input.Source, "Title");
        if (!string.IsNullOrEmpty(title))
            item.Title = title;
        object? metadata = InputProperties.Get(input.Source, "ClientMetadata");
        if (metadata is not null && !(metadata is string text && text.Length == 0))
            item.ClientMetadata = metadata is string json ? JsonTreeReader.ParseObject(json) : JsonValueNormalizer.ToJsonObject(metadata);
        return item;
    }

    /// <summary>A listed object's media metadata, or that of an object that kept its MediaMetadata property (Select-Object
    /// of a listing). Shared, not copied: the item never changes it, and a million listed objects need no second copy.</summary>
    private static MediaMetadata? MediaMetadataOf(ObjectUrlInput input) => input.Source switch
    {
        CloudObject cloudObject => cloudObject.MediaMetadata,
        _ when input.IsKnownType => null,
        _ => InputProperties.Get(input.Source, "MediaMetadata") as MediaMetadata,
    };

    /// <summary>A copy of the item with other clientMetadata, so the caller's item stays as it was.</summary>
    public static EncordSingleItem WithClientMetadata(EncordSingleItem item, OrderedDictionary clientMetadata)
    {
        EncordSingleItem copy = item.Section switch
        {
            SpecSection.Images => new EncordImage(item.ObjectUrl),
            SpecSection.Videos => new EncordVideo(item.ObjectUrl),
            SpecSection.Text => new EncordText(item.ObjectUrl),
            SpecSection.Pdf => new EncordPdf(item.ObjectUrl),
            SpecSection.Nifti => new EncordNifti(item.ObjectUrl),
            _ => new EncordAudio(item.ObjectUrl),
        };
        copy.Title = item.Title;
        copy.MediaMetadata = item.MediaMetadata;
        copy.Source = item.Source;
        copy.ClientMetadata = clientMetadata;
        return copy;
    }
}
