namespace EncordSpec.Listing;

/// <summary>Where a bucket lives, as far as its object URLs need to know.</summary>
/// <param name="Region">The bucket's region (S3, OTC); null where URLs do not contain one.</param>
/// <param name="AccountName">The Azure storage account; null for the other providers.</param>
/// <param name="Warning">Something the user should know about how the location was found, or null.</param>
internal sealed record CloudBucketLocation(string? Region, string? AccountName, string? Warning = null);
