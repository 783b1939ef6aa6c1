using System;

namespace EncordSpec.Urls;

/// <summary>Builds the object URL of a key for one bucket, in the forms the format page names: made once per
/// listing, then <see cref="TryBuild"/> per object. The same key always yields the same string, because the
/// platform de-duplicates by exact URL. URLs never carry a query (no SAS token, no signature).</summary>
internal sealed class ObjectUrlBuilder
{
    private readonly string prefix;
    private readonly KeyForm keyForm;

    /// <param name="provider">The store.</param>
    /// <param name="bucket">Bucket, or container for Azure.</param>
    /// <param name="region">S3/OTC region (needed by the https forms of S3 and by OTC).</param>
    /// <param name="style">The URL form; null for the provider's default.</param>
    /// <param name="objectUrlBase">Overrides everything before the key (MinIO and other stores the page does not name).</param>
    /// <param name="accountName">The Azure storage account.</param>
    /// <exception cref="ArgumentException">The combination cannot make URLs (a style the provider has not, no region).</exception>
    public ObjectUrlBuilder(CloudProvider provider, string bucket, string? region, CloudUrlStyle? style,
        string? objectUrlBase = null, string? accountName = null)
    {
        Provider = provider;
        Bucket = bucket;
        if (string.IsNullOrEmpty(bucket) || bucket.IndexOf('/') >= 0 || HasWhitespace(bucket))
            throw new ArgumentException($"'{bucket}' is not a bucket name: it must be non-empty, without '/' or whitespace.");

        if (!string.IsNullOrEmpty(objectUrlBase))
        {
            if (style is not null)
                throw new ArgumentException("-ObjectUrlBase sets the whole URL before the key; it cannot be combined with -UrlStyle.");
            prefix = CheckBase(objectUrlBase!);
            keyForm = KeyForm.PathSegments;
            return;
        }

        var styles = StylesFor(provider);
        var chosen = style ?? styles[0];
        if (Array.IndexOf(styles, chosen) < 0)
            throw new ArgumentException($"{provider} object URLs have no '{chosen}' form; use {string.Join(" or ", styles)}.");
        Style = chosen;

        switch (provider)
        {
            case CloudProvider.S3 when chosen == CloudUrlStyle.S3Uri:
                prefix = $"s3://{bucket}/";
                keyForm = KeyForm.Raw;
                break;
            case CloudProvider.S3:
                string host = "s3." + CheckRegion(region, provider) + (region!.StartsWith("cn-", StringComparison.Ordinal) ? ".amazonaws.com.cn" : ".amazonaws.com");
                if (chosen == CloudUrlStyle.VirtualHosted && VirtualHostProblem(bucket) is { } reason)
                {
                    Style = CloudUrlStyle.Path;
                    Warning = $"The S3 bucket name '{bucket}' {reason}, which virtual-hosted HTTPS URLs cannot serve; " +
                              "its object URLs use the path style (https://s3.<region>.amazonaws.com/<bucket>/<key>) instead.";
                }
                prefix = Style == CloudUrlStyle.VirtualHosted ? $"https://{bucket}.{host}/" : $"https://{host}/{bucket}/";
                keyForm = KeyForm.S3Console;
                break;
            case CloudProvider.OTC:
                prefix = $"https://{bucket}.obs.{CheckRegion(region, provider)}.otc.t-systems.com/";
                keyForm = KeyForm.S3Console;
                break;
            case CloudProvider.GCS when chosen == CloudUrlStyle.GsUri:
                prefix = $"gs://{bucket}/";
                keyForm = KeyForm.Raw;
                break;
            case CloudProvider.GCS:
                prefix = $"https://storage.cloud.google.com/{bucket}/";
                keyForm = KeyForm.PathSegments;
                break;
            default:
                if (string.IsNullOrEmpty(accountName) || !IsAzureAccountName(accountName!))
                    throw new ArgumentException($"'{accountName}' is not an Azure storage account name (3-24 lower-case letters and digits).");
                prefix = $"https://{accountName}.blob.core.windows.net/{bucket}/";
                keyForm = KeyForm.PathSegments;
                break;
        }
    }

    public CloudProvider Provider { get; }
    public string Bucket { get; }
    /// <summary>The form actually built (after a fallback); null with an object URL base.</summary>
    public CloudUrlStyle? Style { get; }
    /// <summary>Why the form differs from the one asked for, or null.</summary>
    public string? Warning { get; }

    /// <summary>The forms a provider has; the first is its default.</summary>
    public static CloudUrlStyle[] StylesFor(CloudProvider provider) => provider switch
    {
        CloudProvider.S3 => new[] { CloudUrlStyle.VirtualHosted, CloudUrlStyle.Path, CloudUrlStyle.S3Uri },
        CloudProvider.GCS => new[] { CloudUrlStyle.GsUri, CloudUrlStyle.Https },
        CloudProvider.OTC => new[] { CloudUrlStyle.VirtualHosted },
        _ => new[] { CloudUrlStyle.Https },
    };

    /// <summary>The URL of <paramref name="key"/>, or false with a message naming the key and, where one exists,
    /// the style that would carry it.</summary>
    public bool TryBuild(string key, out string url, out string? problem)
    {
        url = "";
        problem = Check(key);
        if (problem is not null)
            return false;
        url = prefix + keyForm switch
        {
            KeyForm.Raw => key,
            KeyForm.S3Console => ObjectKeyEncoder.S3Console(key),
            _ => ObjectKeyEncoder.PathSegments(key),
        };
        return true;
    }

    private string? Check(string key)
    {
        if (key.Length == 0)
            return "An empty key has no object URL.";
        if (!ObjectKeyEncoder.IsWellFormed(key))
            return $"The key '{key}' is not well-formed Unicode (a lone surrogate), so no URL can name it exactly.";

        int unsafeRaw = IndexOfRawUnsafe(key);
        string? dotSegment = DotSegment(key);
        if (keyForm == KeyForm.Raw && unsafeRaw >= 0)
        {
            string alternative = dotSegment is null ? $" Use -UrlStyle {HttpsAlternative()}, which encodes it." : " No other URL style can carry this key either (it also has a '" + dotSegment + "' segment).";
            return $"The key '{key}' contains {Describe(key[unsafeRaw])} at position {unsafeRaw + 1}, which a {UrlParts.Of(prefix).Scheme.ToString()}:// URI " +
                   "cannot carry (object URLs must not contain whitespace or control characters)." + alternative;
        }
        if (keyForm != KeyForm.Raw && dotSegment is not null)
        {
            string? rawStyle = Provider switch { CloudProvider.S3 => "S3Uri", CloudProvider.GCS => "GsUri", _ => null };
            string alternative = rawStyle is not null && unsafeRaw < 0 && Style is not null
                ? $" Use -UrlStyle {rawStyle}, which keeps the key as it is."
                : " No URL style can carry this key.";
            return $"The key '{key}' has a '{dotSegment}' path segment, which HTTP clients remove from https URLs, so the URL would name another object." + alternative;
        }
        return null;
    }

    private string HttpsAlternative() => Provider == CloudProvider.GCS ? "Https" : "VirtualHosted";

    private static string Describe(char c) => char.IsWhiteSpace(c) ? $"whitespace (U+{(int)c:X4})" : $"a control character (U+{(int)c:X4})";

    private static int IndexOfRawUnsafe(string key)
    {
        for (int i = 0; i < key.Length; i++)
            if (char.IsWhiteSpace(key[i]) || char.IsControl(key[i]))
                return i;
        return -1;
    }

    /// <summary>"." or ".." when the key has such a '/'-separated segment, else null.</summary>
    private static string? DotSegment(string key)
    {
        foreach (string segment in key.Split('/'))
            if (segment == "." || segment == "..")
                return segment;
        return null;
    }

    /// <summary>Why a bucket cannot be a DNS label under *.s3.region.amazonaws.com's certificate, or null when it can.</summary>
    private static string? VirtualHostProblem(string bucket)
    {
        if (bucket.IndexOf('.') >= 0)
            return "contains dots";
        foreach (char c in bucket)
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-'))
                return $"contains '{c}'";
        return null;
    }

    private static string CheckRegion(string? region, CloudProvider provider)
    {
        if (string.IsNullOrEmpty(region))
            throw new ArgumentException($"{provider} object URLs contain the region; give -Region.");
        foreach (char c in region!)
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-'))
                throw new ArgumentException($"'{region}' is not a region name (lower-case letters, digits and '-', such as eu-west-2).");
        return region;
    }

    private static bool IsAzureAccountName(string name)
    {
        if (name.Length is < 3 or > 24)
            return false;
        foreach (char c in name)
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9'))
                return false;
        return true;
    }

    private static string CheckBase(string objectUrlBase)
    {
        if (!Uri.TryCreate(objectUrlBase, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            throw new ArgumentException($"-ObjectUrlBase '{objectUrlBase}' is not an absolute http(s) URL.");
        var parts = UrlParts.Of(objectUrlBase);
        if (parts.HasQuery || parts.HasFragment || uri.UserInfo.Length > 0)
            throw new ArgumentException("-ObjectUrlBase must not contain a query, fragment or user name: object URLs carry no credentials or signatures.");
        if (HasWhitespace(objectUrlBase))
            throw new ArgumentException($"-ObjectUrlBase '{objectUrlBase}' contains whitespace; object URLs must not.");
        return objectUrlBase.EndsWith("/", StringComparison.Ordinal) ? objectUrlBase : objectUrlBase + "/";
    }

    private enum KeyForm { Raw, S3Console, PathSegments }

    private static bool HasWhitespace(string text)
    {
        foreach (char c in text)
            if (char.IsWhiteSpace(c))
                return true;
        return false;
    }
}
