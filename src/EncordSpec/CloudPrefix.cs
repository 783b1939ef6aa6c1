namespace EncordSpec;

/// <summary>A "folder" of a listing with -Delimiter: a common prefix of keys one level below the listed prefix.
/// Pipe its Prefix back into Get-CloudObject -Prefix to look inside.</summary>
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

    public override string ToString() => Prefix;
}
