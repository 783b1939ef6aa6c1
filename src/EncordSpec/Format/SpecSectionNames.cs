namespace EncordSpec.Format;

/// <summary>JSON key names of the sections, exactly as the format page spells them.</summary>
internal static class SpecSectionNames
{
    public const string Images = "images";
    public const string Videos = "videos";
    public const string ImageGroups = "image_groups";
    public const string DicomSeries = "dicom_series";
    public const string Audio = "audio";
    public const string Text = "text";
    public const string Pdf = "pdf";
    public const string Nifti = "nifti";

    /// <summary>How many sections there are, for arrays indexed by <see cref="SpecSection"/>.</summary>
    public const int Count = (int)SpecSection.Nifti + 1;

    public static string JsonName(this SpecSection section) => section switch
    {
        SpecSection.Images => Images,
        SpecSection.Videos => Videos,
        SpecSection.ImageGroups => ImageGroups,
        SpecSection.DicomSeries => DicomSeries,
        SpecSection.Audio => Audio,
        SpecSection.Text => Text,
        SpecSection.Pdf => Pdf,
        SpecSection.Nifti => Nifti,
        _ => throw new System.ArgumentOutOfRangeException(nameof(section)),
    };

    public static bool TryParse(string jsonName, out SpecSection section)
    {
        switch (jsonName)
        {
            case Images: section = SpecSection.Images; return true;
            case Videos: section = SpecSection.Videos; return true;
            case ImageGroups: section = SpecSection.ImageGroups; return true;
            case DicomSeries: section = SpecSection.DicomSeries; return true;
            case Audio: section = SpecSection.Audio; return true;
            case Text: section = SpecSection.Text; return true;
            case Pdf: section = SpecSection.Pdf; return true;
            case Nifti: section = SpecSection.Nifti; return true;
            default: section = default; return false;
        }
    }
}
