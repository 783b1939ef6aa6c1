namespace EncordSpec.Urls;

/// <summary>What an object URL says about where the object lives. <see cref="Key"/> is decoded as that URL
/// style encodes it, so it is the object's real name in its bucket.</summary>
/// <param name="Style">The URL's form.</param>
/// <param name="Provider">Null for unrecognised URLs and other hosts.</param>
/// <param name="Bucket">Bucket or container; for Azure the container ("" for a blob in the root container).</param>
/// <param name="Key">The object key or blob name, decoded.</param>
/// <param name="Region">The region the host names, if any.</param>
/// <param name="Host">The host for http(s) URLs, lower-case.</param>
internal sealed record ParsedObjectUrl(ObjectUrlStyle Style, CloudProvider? Provider, string? Bucket, string? Key, string? Region, string? Host);
