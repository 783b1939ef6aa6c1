namespace EncordSpec.Urls;

/// <summary>The recognised forms of object URL. The format page names all of these but <see cref="OtherHttps"/>.</summary>
internal enum ObjectUrlStyle
{
    /// <summary>Not a URL any provider serves: no scheme, an unknown scheme, or no host.</summary>
    Unrecognized,
    /// <summary>https://&lt;bucket&gt;.s3.&lt;region&gt;.amazonaws.com/&lt;key&gt;, AWS's recommended form.</summary>
    S3VirtualHosted,
    /// <summary>https://s3.&lt;region&gt;.amazonaws.com/&lt;bucket&gt;/&lt;key&gt;.</summary>
    S3Path,
    /// <summary>s3://&lt;bucket&gt;/&lt;key&gt;, the key unencoded.</summary>
    S3Uri,
    /// <summary>Deprecated S3 hosts: without a region (s3.amazonaws.com) or with s3-&lt;region&gt;.</summary>
    S3Legacy,
    /// <summary>https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;/&lt;blob&gt;.</summary>
    AzureBlob,
    /// <summary>gs://&lt;bucket&gt;/&lt;key&gt;, the key unencoded.</summary>
    GsUri,
    /// <summary>https://storage.cloud.google.com/&lt;bucket&gt;/&lt;key&gt; or storage.googleapis.com.</summary>
    GcsHttps,
    /// <summary>https://&lt;bucket&gt;.obs.&lt;region&gt;.otc.t-systems.com/&lt;key&gt;.</summary>
    OtcVirtualHosted,
    /// <summary>Any other http(s) host, such as an S3-compatible store (MinIO); legal, but the page does not name it.</summary>
    OtherHttps,
}
