using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Urls;

/// <summary>Finds the query parameters that make an http(s) URL a pre-signed or SAS URL. Such URLs expire and hand
/// out access, so they must not go into a spec (the platform reads objects through its integration instead). Also
/// shows URLs as messages may quote them: without query (signatures) and user info (passwords).</summary>
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
    public static string? FindSigningParameter(string url) => FindSigningParameter(UrlParts.Of(url));

    /// <inheritdoc cref="FindSigningParameter(string)"/>
    [MethodImpl(HotPath.Optimized)]
    public static string? FindSigningParameter(in UrlParts url)
    {
        var rest = url.Query;
        while (rest.Length > 0)
        {
            int amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest.Slice(0, amp);
            int equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Slice(0, equals);
            // A server decodes the name before it reads it: '%73ig' is 'sig'.
            if (IsSigningParameter(name) || name.IndexOf('%') >= 0 && IsSigningParameter(Uri.UnescapeDataString(name.ToString()).AsSpan()))
                return name.ToString();
            rest = amp < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(amp + 1);
        }
        return null;
    }

    private static bool IsSigningParameter(ReadOnlySpan<char> name)
    {
        foreach (string parameter in SigningParameters)
            if (name.Equals(parameter.AsSpan(), StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>A URL as messages quote it: an http(s) URL's query and fragment (where signatures and SAS tokens are)
    /// shown as "?...", its user info (a password) as "***@"; other URLs as they are.</summary>
    public static string QueryHidden(string? url)
    {
        if (url is null) return "";
        int end = UrlParts.Of(url).PathEnd;
        return end == url.Length ? UserInfoHidden(url) : UserInfoHidden(url.Substring(0, end)) + "?...";
    }

    /// <summary>An http(s) URL without its query and fragment and with its user info hidden, safe to show in
    /// messages; other URLs as they are.</summary>
    public static string WithoutQuery(string url)
    {
        int end = UrlParts.Of(url).PathEnd;
        return UserInfoHidden(end == url.Length ? url : url.Substring(0, end));
    }

    /// <summary>An http(s) URL with the user name and password before its host shown as "***@".</summary>
    public static string UserInfoHidden(string url)
    {
        var parts = UrlParts.Of(url);
        if (!parts.HasUserInfo)
            return url;
        int authorityStart = parts.AuthorityEnd - parts.Authority.Length;
        int hostStart = authorityStart + parts.Authority.LastIndexOf('@') + 1;
        return url.Substring(0, authorityStart) + "***@" + url.Substring(hostStart);
    }
}
