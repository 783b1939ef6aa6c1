namespace EncordSpec;

/// <summary>The top-level arrays of an upload spec. The enum order is the order the writer emits them in,
/// which is the order of the format page's S3 example (images, videos, image_groups), then the rest, then the sections
/// the platform gained after the page (text, pdf, nifti: JSON only, as dicom_series is).</summary>
public enum SpecSection
{
    Images,
    Videos,
    ImageGroups,
    DicomSeries,
    Audio,
    /// <summary>Text files: plain text, Markdown, HTML, XML, JSON, CSV ("text").</summary>
    Text,
    /// <summary>PDF documents ("pdf").</summary>
    Pdf,
    /// <summary>NIfTI volumes, .nii or .nii.gz ("nifti").</summary>
    Nifti,
}
