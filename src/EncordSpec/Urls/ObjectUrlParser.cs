using System;
using System.Text;

namespace EncordSpec.Urls;

/// <summary>Recognises the object URL forms of the format page and recovers bucket and key from them.</summary>
internal static class ObjectUrlParser
{
    public static ParsedObjectUrl Parse(string url)
    {
        var parts = UrlParts.Of(url);
        if (!parts.HasScheme || parts.Authority.Length == 0)
            return Unrecognized();
        var scheme = parts.Scheme;
        if (scheme.Equals("s3".AsSpan(), StringComparison.OrdinalIgnoreCase))
            return new ParsedObjectUrl(ObjectUrlStyle.S3Uri, CloudProvider.S3, parts.Authority.ToString(), parts.Path.ToString(), null, null);
        if (scheme.Equals("gs".AsSpan(), StringComparison.OrdinalIgnoreCase))
            return new ParsedObjectUrl(ObjectUrlStyle.GsUri, CloudProvider.GCS, parts.Authority.ToString(), parts.Path.ToString(), null, null);
        if (!parts.IsHttp)
            return Unrecognized();

        string host = parts.Host.ToString().ToLowerInvariant();
        string path = parts.Path.ToString();
        return ParseAws(host, path)
            ?? ParseAzure(host, path)
            ?? ParseGcs(host, path)
            ?? ParseOtc(host, path)
            ?? new ParsedObjectUrl(ObjectUrlStyle.OtherHttps, null, null, PercentDecode(path, plusIsSpace: false), null, host);
    }

    private static ParsedObjectUrl Unrecognized() => new(ObjectUrlStyle.Unrecognized, null, null, null, null, null);

    private static ParsedObjectUrl? ParseAws(string host, string path)
    {
        string? stem = StripSuffix(host, ".amazonaws.com") ?? StripSuffix(host, ".amazonaws.com.cn");
        if (stem is null) return null;

        // Path style: s3.<region>, s3-<region> (legacy) or s3 (legacy, region-less) as the whole stem.
        if (TryS3Label(stem, out var pathRegion, out bool pathLegacy))
        {
            SplitFirstSegment(path, out string bucket, out string key);
            return new ParsedObjectUrl(pathLegacy ? ObjectUrlStyle.S3Legacy : ObjectUrlStyle.S3Path, CloudProvider.S3,
                bucket, PercentDecode(key, plusIsSpace: true), pathRegion, host);
        }

        // Virtual-hosted: <bucket>.s3.<region>, <bucket>.s3-<region> (legacy), <bucket>.s3 (legacy).
        int marker = stem.LastIndexOf(".s3", StringComparison.Ordinal);
        while (marker > 0)
        {
            if (TryS3Label(stem.Substring(marker + 1), out var region, out bool legacy))
                return new ParsedObjectUrl(legacy ? ObjectUrlStyle.S3Legacy : ObjectUrlStyle.S3VirtualHosted, CloudProvider.S3,
                    stem.Substring(0, marker), PercentDecode(path, plusIsSpace: true), region, host);
            marker = stem.LastIndexOf(".s3", marker - 1, StringComparison.Ordinal);
        }
        return null;
    }

    /// <summary>Is the text "s3", "s3.&lt;region&gt;" or "s3-&lt;region&gt;" (also with "dualstack.")?</summary>
    private static bool TryS3Label(string text, out string? region, out bool legacy)
    {
        region = null;
        legacy = false;
        if (text == "s3") { legacy = true; return true; }
        if (text.StartsWith("s3.dualstack.", StringComparison.Ordinal)) text = "s3." + text.Substring("s3.dualstack.".Length);
        if (text.StartsWith("s3-", StringComparison.Ordinal) && IsRegionName(text.Substring(3)))
        {
            region = text.Substring(3);
            legacy = true;
            return true;
        }
        if (text.StartsWith("s3.", StringComparison.Ordinal) && IsRegionName(text.Substring(3)))
        {
            region = text.Substring(3);
            return true;
        }
        return false;
    }

    /// <summary>AWS region names are lower-case letters, digits and dashes, such as eu-west-2.</summary>
    private static bool IsRegionName(string text)
    {
        if (text.Length == 0 || text.IndexOf('-') < 0) return false;
        foreach (char c in text)
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-'))
                return false;
        return true;
    }

    private static ParsedObjectUrl? ParseAzure(string host, string path)
    {
        string? account = StripSuffix(host, ".blob.core.windows.net");
        if (account is null || account.Length == 0 || account.IndexOf('.') >= 0) return null;
        // A single segment is a blob in the account's root container, as in the page's first Azure example.
        int slash = path.IndexOf('/');
        string container = slash < 0 ? "" : path.Substring(0, slash);
        string blob = slash < 0 ? path : path.Substring(slash + 1);
        return new ParsedObjectUrl(ObjectUrlStyle.AzureBlob, CloudProvider.Azure, container, PercentDecode(blob, plusIsSpace: false), null, host);
    }

    private static ParsedObjectUrl? ParseGcs(string host, string path)
    {
        if (host == "storage.cloud.google.com" || host == "storage.googleapis.com")
        {
            SplitFirstSegment(path, out string bucket, out string key);
            return new ParsedObjectUrl(ObjectUrlStyle.GcsHttps, CloudProvider.GCS, bucket, PercentDecode(key, plusIsSpace: false), null, host);
        }
        string? bucketHost = StripSuffix(host, ".storage.googleapis.com");
        return bucketHost is { Length: > 0 }
            ? new ParsedObjectUrl(ObjectUrlStyle.GcsHttps, CloudProvider.GCS, bucketHost, PercentDecode(path, plusIsSpace: false), null, host)
            : null;
    }

    private static ParsedObjectUrl? ParseOtc(string host, string path)
    {
        string? stem = StripSuffix(host, ".otc.t-systems.com");
        if (stem is null) return null;
        int marker = stem.LastIndexOf(".obs.", StringComparison.Ordinal);
        if (marker <= 0) return null;
        return new ParsedObjectUrl(ObjectUrlStyle.OtcVirtualHosted, CloudProvider.OTC, stem.Substring(0, marker),
            PercentDecode(path, plusIsSpace: true), stem.Substring(marker + 5), host);
    }

    private static string? StripSuffix(string host, string suffix) =>
        host.EndsWith(suffix, StringComparison.Ordinal) ? host.Substring(0, host.Length - suffix.Length) : null;

    private static void SplitFirstSegment(string path, out string first, out string rest)
    {
        int slash = path.IndexOf('/');
        first = slash < 0 ? path : path.Substring(0, slash);
        rest = slash < 0 ? "" : path.Substring(slash + 1);
    }

    /// <summary>Decodes %XX escapes as UTF-8 (invalid escapes stay as written); with <paramref name="plusIsSpace"/>,
    /// '+' is a space as in S3 console URLs, where a literal '+' is written %2B.</summary>
    public static string PercentDecode(string text, bool plusIsSpace)
    {
        if (text.IndexOf('%') < 0 && !(plusIsSpace && text.IndexOf('+') >= 0))
            return text;
        var bytes = new System.Collections.Generic.List<byte>(text.Length);
        var result = new StringBuilder(text.Length);
        void FlushBytes()
        {
            if (bytes.Count == 0) return;
            result.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            FlushBytes();
            result.Append(c == '+' && plusIsSpace ? ' ' : c);
        }
        FlushBytes();
        return result.ToString();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
