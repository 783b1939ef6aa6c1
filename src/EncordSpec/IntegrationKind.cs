namespace EncordSpec;

/// <summary>How the Encord workspace reaches the bucket, which decides what a spec must hold (-Integration).</summary>
public enum IntegrationKind
{
    /// <summary>The platform signs URLs itself through the cloud integration: object URLs are plain, never signed.</summary>
    Standard,
    /// <summary>Strict client-only access: the platform never downloads the media, so every single file (image, video,
    /// audio, text, PDF) must carry its media metadata with every field the platform requires.</summary>
    StrictClientOnly,
    /// <summary>Direct access: the platform does not sign URLs, so pre-signed URLs and any HTTPS host are expected.</summary>
    DirectAccess,
}
