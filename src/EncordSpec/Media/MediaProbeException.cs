using System;

namespace EncordSpec.Media;

/// <summary>A file whose media metadata could not be read from its header: unknown format, truncated or damaged
/// header, or a value the header does not give. The message names the file and says what is missing.</summary>
internal sealed class MediaProbeException : Exception
{
    public MediaProbeException(string message) : base(message) { }
    public MediaProbeException(string message, Exception inner) : base(message, inner) { }
}
