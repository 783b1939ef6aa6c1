using System;
using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Where to list and with which credentials: what Get-CloudObject's parameters say, handed to a lister.
/// Secrets are plain strings only here, on their way into the SDK; <see cref="Secrets"/> lets every message be
/// scrubbed of them.</summary>
internal sealed class CloudListerOptions
{
    public CloudListerOptions(CloudProvider provider, string bucket)
    {
        Provider = provider;
        Bucket = bucket;
    }

    public CloudProvider Provider { get; }
    public string Bucket { get; }
    /// <summary>S3/OTC region; null lets the SDK's chain or the bucket's location decide (S3).</summary>
    public string? Region { get; set; }
    /// <summary>Where requests go instead of the provider's public endpoint (VPC endpoint, mirror, emulator).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>-EndpointUrl as messages show it: without user info, query values masked.</summary>
    public string? EndpointForDisplay => EndpointUrl is null ? null : SecretScrubber.EndpointForDisplay(EndpointUrl);

    /// <summary>Get-CloudObject -TimeoutSec's default.</summary>
    public const int DefaultTimeoutSec = 30;

    /// <summary>How long one list request may take, the SDK's own retries of throttling and 5xx answers included
    /// (<see cref="RetryingLister"/>); then it is cancelled and tried again.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSec);

    /// <summary>The SDKs' own time-outs, set well past <see cref="RequestTimeout"/> so that it is what bounds a request
    /// on every provider (the SDKs' defaults, 100 s to 10 minutes, would cut a longer -TimeoutSec short).</summary>
    public TimeSpan SdkTimeout => RequestTimeout + RequestTimeout;

    /// <summary>How many more times a list request is tried that timed out or brought an answer that could not be
    /// read (cut short, malformed): faults the SDKs' retry policies do not retry.</summary>
    public int TransientRetries { get; set; } = DefaultTransientRetries;

    /// <summary><see cref="TransientRetries"/> when -MaximumRetryCount is not given.</summary>
    public const int DefaultTransientRetries = 3;

    /// <summary>How many times each SDK's retry policy tries a request again that was throttled or failed
    /// transiently (5xx, a broken connection), with its exponential back-off: -MaximumRetryCount. Null when not
    /// given: then <see cref="DefaultSdkRetries"/>, except that S3 keeps AWS_MAX_ATTEMPTS where it is set.</summary>
    public int? SdkRetries { get; set; }

    /// <summary>The SDKs' retries when -MaximumRetryCount is not given: more than the SDKs' own
    /// defaults, for a parallel listing sends many requests at once.</summary>
    public const int DefaultSdkRetries = 8;

    /// <summary>The wait before the first of those retries; it doubles for each next one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    // S3 and OTC
    public string? ProfileName { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string? SessionToken { get; set; }

    // Azure
    public string? StorageAccountName { get; set; }
    public string? SasToken { get; set; }
    public string? StorageAccountKey { get; set; }
    public string? ConnectionString { get; set; }

    // GCS
    public string? CredentialFile { get; set; }

    /// <summary>"S3 bucket 'x'", "Azure container 'x'": how messages name what was listed.</summary>
    public string Describe() => Provider switch
    {
        CloudProvider.Azure => $"Azure container '{Bucket}'" + (StorageAccountName is null ? "" : $" of storage account '{StorageAccountName}'"),
        CloudProvider.GCS => $"GCS bucket '{Bucket}'",
        CloudProvider.OTC => $"OTC bucket '{Bucket}'",
        _ => $"S3 bucket '{Bucket}'",
    };

    /// <summary>Every secret given, for <see cref="SecretScrubber"/>.</summary>
    public IEnumerable<string> Secrets()
    {
        foreach (string? secret in new[] { SecretKey, SessionToken, SasToken, StorageAccountKey, ConnectionString })
            if (!string.IsNullOrEmpty(secret))
                yield return secret!;
        foreach (string secret in SecretScrubber.SecretsIn(EndpointUrl))
            yield return secret;
    }

    public override string ToString() => Describe();
}
