using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Media;

/// <summary>Reads a media file's metadata from as few of its bytes as it can. Implemented in EncordSpec.Storage
/// (beside the parsing library, in its own load context) and made by <see cref="Loading.MediaProbeLoader"/>.</summary>
internal interface IMediaProbe
{
    /// <summary>The file's metadata. Throws <see cref="MediaProbeException"/> when its header cannot be read or
    /// lacks a value the platform needs; store failures come as <see cref="CloudStorageException"/>.</summary>
    Task<MediaMetadata> ProbeAsync(IByteRangeSource source, CancellationToken cancellationToken);
}
