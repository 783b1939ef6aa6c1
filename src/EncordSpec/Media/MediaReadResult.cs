using System;

namespace EncordSpec.Media;

/// <summary>One listed object after its media header was read: <see cref="CloudObject.MediaMetadata"/> is set, or
/// <see cref="Error"/> says why it could not be (<see cref="MediaProbeException"/> for the file,
/// <see cref="CloudStorageException"/> for the store). Objects that are not media files pass with neither.</summary>
internal sealed class MediaReadResult
{
    public MediaReadResult(CloudObject cloudObject, Exception? error)
    {
        Object = cloudObject;
        Error = error;
    }

    public CloudObject Object { get; }
    public Exception? Error { get; }
}
