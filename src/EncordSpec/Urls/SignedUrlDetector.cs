using System;

namespace EncordSpec;

/// <summary>Finds the query parameters that make an http(s) URL a pre-signed or SAS URL. Such URLs expire and hand
/// out access, so they must not go into a spec (the platform reads objects through its integration instead).</summary>
public static class SignedUrlDetector
{
    // AWS SigV4 and SigV2, Google V4 and V2, Azure SAS (signature and expiry).
    private static readonly string[] SigningParameters =
    {
        "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "AWSAccessKeyId",
        "X-Goog-Signature", "X-Goog-Credential", "GoogleAccessId",
        "Signature", "sig", "se",
    };

    /// <summary>The first signing parameter of the URL's query, as written, or null when there is none.
    /// s3:// and gs:// URIs have no query: a '?' there is part of the key.</summary>
    public static string? FindSigningParameter(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !ObjectUrlPath.IsHttp(url.Substring(0, schemeEnd)))
            return null;
        int query = url.IndexOf('?', schemeEnd + 3);
        if (query < 0)
            return null;
        int fragment = url.IndexOf('#', query);
        int end = fragment < 0 ? url.Length : fragment;
        int start = query + 1;
        while (start < end)
        {
            int amp = url.IndexOf('&', start, end - start);
            int stop = amp < 0 ? end : amp;
            int equals = url.IndexOf('=', start, stop - start);
            int nameEnd = equals < 0 ? stop : equals;
            foreach (string parameter in SigningParameters)
                if (nameEnd - start == parameter.Length && string.Compare(url, start, parameter, 0, parameter.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    return url.Substring(start, nameEnd - start);
            start = stop + 1;
        }
        return null;
    }

    /// <summary>The URL without its query and fragment, safe to show in messages.</summary>
    public static string WithoutQuery(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        int query = url.IndexOfAny(new[] { '?', '#' }, schemeEnd < 0 ? 0 : schemeEnd + 3);
        return query < 0 ? url : url.Substring(0, query);
    }
}
