namespace EncordSpec;

/// <summary>The storage services whose object URLs the platform accepts.</summary>
public enum CloudProvider
{
    /// <summary>AWS S3 and S3-compatible stores.</summary>
    S3,
    /// <summary>Azure Blob Storage.</summary>
    Azure,
    /// <summary>Google Cloud Storage.</summary>
    GCS,
    /// <summary>Open Telekom Cloud Object Storage (OBS), which speaks the S3 API.</summary>
    OTC,
}
