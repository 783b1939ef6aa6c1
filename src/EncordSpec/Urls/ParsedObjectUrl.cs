namespace EncordSpec.Urls;

/// <summary>What an object URL says about where the object lives. <see cref="Key"/> is decoded as that URL
/// style encodes it, so it is the object's real name in its bucket.</summary>
internal sealed class ParsedObjectUrl
{
    public ParsedObjectUrl(ObjectUrlStyle style, CloudProvider? provider, string? bucket, string? key, string? region, string? host)
    {
        Style = style;
        Provider = provider;
        Bucket = bucket;
        Key = key;
        Region = region;
        Host = host;
    }

    public ObjectUrlStyle Style { get; }
    /// <summary>Null for unrecognised URLs and other hosts.</summary>
    public CloudProvider? Provider { get; }
    /// <summary>Bucket or container; for Azure the container ("" for a blob in the root container).</summary>
    public string? Bucket { get; }
    /// <summary>The object key or blob name, decoded.</summary>
    public string? Key { get; }
    public string? Region { get; }
    /// <summary>The host for http(s) URLs, lower-case.</summary>
    public string? Host { get; }
}
