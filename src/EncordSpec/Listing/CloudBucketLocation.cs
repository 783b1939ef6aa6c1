namespace EncordSpec.Listing;

/// <summary>Where a bucket lives, as far as its object URLs need to know.</summary>
internal sealed class CloudBucketLocation
{
    public CloudBucketLocation(string? region, string? accountName, string? warning = null)
    {
        Region = region;
        AccountName = accountName;
        Warning = warning;
    }

    /// <summary>The bucket's region (S3, OTC); null where URLs do not contain one.</summary>
    public string? Region { get; }
    /// <summary>The Azure storage account; null for the other providers.</summary>
    public string? AccountName { get; }
    /// <summary>Something the user should know about how the location was found, or null.</summary>
    public string? Warning { get; }
}
