using System;

namespace EncordSpec.Metadata;

/// <summary>Metadata that cannot become a spec's clientMetadata (not a JSON object, too large, an unsupported value).</summary>
internal sealed class ClientMetadataException : Exception
{
    public ClientMetadataException(string message) : base(message) { }
}
