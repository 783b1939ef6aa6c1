using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Urls;

/// <summary>Finds the query parameters that make an http(s) URL a pre-signed or SAS URL. Such URLs expire and hand
/// out access, so they must not go into a spec (the platform reads objects through its integration instead).</summary>
internal static class SignedUrlDetector
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
    public static string? FindSigningParameter(string url) => FindSigningParameter(url.AsSpan());

    /// <inheritdoc cref="FindSigningParameter(string)"/>
    [MethodImpl(HotPath.Optimized)]
    public static string? FindSigningParameter(ReadOnlySpan<char> url)
    {
        int query = QueryStart(url);
        if (query < 0)
            return null;
        var rest = url.Slice(query + 1);
        int fragment = rest.IndexOf('#');
        if (fragment >= 0) rest = rest.Slice(0, fragment);
        while (rest.Length > 0)
        {
            int amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest.Slice(0, amp);
            int equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Slice(0, equals);
            foreach (string parameter in SigningParameters)
                if (name.Equals(parameter.AsSpan(), StringComparison.OrdinalIgnoreCase))
                    return name.ToString();
            rest = amp < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(amp + 1);
        }
        return null;
    }

    /// <summary>An http(s) URL without its query and fragment, safe to show in messages; other URLs as they are.</summary>
    public static string WithoutQuery(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsHttp(url.AsSpan(0, schemeEnd)))
            return url;
        int cut = url.IndexOfAny(QueryOrFragment, schemeEnd + 3);
        return cut < 0 ? url : url.Substring(0, cut);
    }

    private static readonly char[] QueryOrFragment = { '?', '#' };

    /// <summary>Index of the '?' that starts an http(s) URL's query, or -1.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static int QueryStart(ReadOnlySpan<char> url)
    {
        int schemeEnd = url.IndexOf("://".AsSpan());
        if (schemeEnd <= 0 || !IsHttp(url.Slice(0, schemeEnd)))
            return -1;
        int query = url.Slice(schemeEnd + 3).IndexOf('?');
        return query < 0 ? -1 : schemeEnd + 3 + query;
    }

    private static bool IsHttp(ReadOnlySpan<char> scheme) =>
        scheme.Equals("https".AsSpan(), StringComparison.OrdinalIgnoreCase) || scheme.Equals("http".AsSpan(), StringComparison.OrdinalIgnoreCase);
}
