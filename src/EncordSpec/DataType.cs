namespace EncordSpec;

/// <summary>What kind of media an object URL points at, decided by the extension of its path.</summary>
public enum DataType
{
    Image,
    Video,
    Audio,
    Dicom,
    /// <summary>A text file (.txt .md .rst .html .htm .xml .json .csv). Written only where asked for: such files beside
    /// media are mostly labels and sidecars.</summary>
    Text,
    Pdf,
    /// <summary>A NIfTI volume (.nii, .nii.gz).</summary>
    Nifti,
    Unsupported,
}
