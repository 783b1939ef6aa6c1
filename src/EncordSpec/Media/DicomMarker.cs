using System.Threading;
using System.Threading.Tasks;
using EncordSpec.Format;
using EncordSpec.Listing;

namespace EncordSpec.Media;

/// <summary>Recognises DICOM files that neither their name nor their content type gives away (the usual case: no
/// extension, and S3 listings carry no content type) by the "DICM" marker that follows the 128-byte preamble of
/// every DICOM Part 10 file: one ranged read of 4 bytes per file.</summary>
internal static class DicomMarker
{
    private const int Offset = 128;
    private static readonly byte[] Marker = { (byte)'D', (byte)'I', (byte)'C', (byte)'M' };

    /// <summary>Whether the object is worth the read: not classified yet, big enough to hold the marker, and named as
    /// DICOM files are (no extension, or a UID's digits after the last dot).</summary>
    public static bool IsCandidate(CloudObject cloudObject) =>
        cloudObject.DataType == DataType.Unsupported
        && !cloudObject.IsFolderPlaceholder
        && cloudObject.Size >= Offset + Marker.Length
        && FileTypeClassifier.Classify(cloudObject.Key, extensionlessIsDicom: true) == DataType.Dicom;

    /// <summary>True when the object's bytes 128 to 131 are "DICM".</summary>
    public static async Task<bool> HasMarkerAsync(ICloudObjectReader reader, string key, CancellationToken cancellationToken)
    {
        byte[] bytes = await reader.ReadRangeAsync(key, Offset, Marker.Length, cancellationToken).ConfigureAwait(false);
        return bytes.Length == Marker.Length && bytes[0] == Marker[0] && bytes[1] == Marker[1] && bytes[2] == Marker[2] && bytes[3] == Marker[3];
    }
}
