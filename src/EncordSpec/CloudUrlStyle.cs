namespace EncordSpec;

/// <summary>The object URL forms Get-CloudObject can build (-UrlStyle). Which apply depends on the provider.</summary>
public enum CloudUrlStyle
{
    /// <summary>S3 and OTC: https://&lt;bucket&gt;.s3.&lt;region&gt;.amazonaws.com/&lt;key&gt; (AWS's recommendation; the S3 default).</summary>
    VirtualHosted,
    /// <summary>S3: https://s3.&lt;region&gt;.amazonaws.com/&lt;bucket&gt;/&lt;key&gt;.</summary>
    Path,
    /// <summary>S3: s3://&lt;bucket&gt;/&lt;key&gt; with the key as stored.</summary>
    S3Uri,
    /// <summary>GCS: gs://&lt;bucket&gt;/&lt;key&gt; with the key as stored (the GCS default).</summary>
    GsUri,
    /// <summary>GCS: https://storage.cloud.google.com/&lt;bucket&gt;/&lt;key&gt;; Azure: its only form.</summary>
    Https,
}
