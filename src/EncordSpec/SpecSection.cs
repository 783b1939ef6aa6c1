namespace EncordSpec;

/// <summary>The top-level arrays of an upload spec. The enum order is the order the writer emits them in,
/// which is the order of the format page's S3 example (images, videos, image_groups), then the rest.</summary>
public enum SpecSection
{
    Images,
    Videos,
    ImageGroups,
    DicomSeries,
    Audio,
}
