namespace EncordSpec;

/// <summary>A "folder" of a listing with -Delimiter: a common prefix of keys one level below the listed prefix.
/// Pipe it back into Get-CloudObject to look inside: the endpoint, region, URL style and credentials of the listing
/// that found it come with it.</summary>
public sealed class CloudPrefix
{
    public CloudPrefix(CloudProvider provider, string bucket, string prefix, string delimiter)
    {
        Provider = provider;
        Bucket = bucket;
        Prefix = prefix;
        string trimmed = prefix.EndsWith(delimiter, System.StringComparison.Ordinal) && delimiter.Length > 0
            ? prefix.Substring(0, prefix.Length - delimiter.Length)
            : prefix;
        int last = delimiter.Length == 0 ? -1 : trimmed.LastIndexOf(delimiter, System.StringComparison.Ordinal);
        Name = last < 0 ? trimmed : trimmed.Substring(last + delimiter.Length);
    }

    public CloudProvider Provider { get; }
    public string Bucket { get; }
    /// <summary>The full prefix, ending with the delimiter, as the store reports it.</summary>
    public string Prefix { get; }
    /// <summary>The folder's own name, without its parents and the trailing delimiter.</summary>
    public string Name { get; }

    /// <summary>How it was listed, for Get-CloudObject to list inside it the same way; null for prefixes made by users.</summary>
    internal Listing.PrefixListing? Listing { get; set; }

    public override string ToString() => Prefix;
}
