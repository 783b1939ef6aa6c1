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
