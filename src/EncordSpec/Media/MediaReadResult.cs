using System;

namespace EncordSpec.Media;

/// <summary>One item of a listing after the media header of a listed object was read: the object's
/// <see cref="CloudObject.MediaMetadata"/> is set, or <see cref="Error"/> says why it could not be
/// (<see cref="MediaProbeException"/> for the file, <see cref="CloudStorageException"/> for the object's read). Other
/// items (folders, notes) and objects that are not media files pass with neither.</summary>
internal sealed class MediaReadResult
{
    public MediaReadResult(object item, Exception? error)
    {
        Item = item;
        Error = error;
    }

    public object Item { get; }
    public Exception? Error { get; }
}
