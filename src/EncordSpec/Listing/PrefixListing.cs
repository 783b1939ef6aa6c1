namespace EncordSpec.Listing;

/// <summary>How the listing that found a <see cref="CloudPrefix"/> was made: where it went, with which credentials,
/// the region its URLs were built for and their style, so that the prefix piped back into Get-CloudObject lists
/// the same way and builds the same URLs. Internal, so that none of it (the credentials least of all) appears in
/// output, ConvertTo-Json or Export-Clixml.</summary>
internal sealed class PrefixListing
{
    public PrefixListing(CloudListerOptions options, CloudUrlStyle? urlStyle, string? objectUrlBase)
    {
        Options = options;
        UrlStyle = urlStyle;
        ObjectUrlBase = objectUrlBase;
    }

    /// <summary>The listing's options, with the region its object URLs were built for.</summary>
    public CloudListerOptions Options { get; }
    public CloudUrlStyle? UrlStyle { get; }
    public string? ObjectUrlBase { get; }
}
