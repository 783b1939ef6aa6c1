namespace EncordSpec;

/// <summary>What kind of media an object URL points at, decided by the extension of its path.</summary>
public enum DataType
{
    Image,
    Video,
    Audio,
    Dicom,
    Unsupported,
}
