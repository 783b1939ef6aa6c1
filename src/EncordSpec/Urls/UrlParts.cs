using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Urls;

/// <summary>An object URL cut into scheme, authority, path, query and fragment, as written: nothing is decoded or
/// copied. The one place that knows where a URL's parts begin and end.</summary>
/// <remarks>
/// <c>scheme://authority/path?query#fragment</c>. A scheme (a letter, then letters, digits, '+', '-' or '.') counts only
/// when "://" follows it; text without one is all path (a bare key or folder path). Only http(s) URLs have a query and a
/// fragment: in s3:// and gs:// URIs everything after the bucket is the raw key, '?' and '#' included. The path leaves
/// out the '/' that ends the authority, so in s3://, gs:// and virtual-hosted URLs it is the key as written.
/// </remarks>
internal readonly ref struct UrlParts
{
    private const string SchemeSeparator = "://";

    private readonly int schemeLength;
    private readonly int queryEnd;

    private UrlParts(ReadOnlySpan<char> text, int schemeLength, bool isHttp, int authorityEnd, int pathStart, int pathEnd, int queryEnd)
    {
        Text = text;
        this.schemeLength = schemeLength;
        IsHttp = isHttp;
        AuthorityEnd = authorityEnd;
        PathStart = pathStart;
        PathEnd = pathEnd;
        this.queryEnd = queryEnd;
    }

    /// <summary>The whole URL.</summary>
    public ReadOnlySpan<char> Text { get; }

    public bool HasScheme => schemeLength > 0;

    /// <summary>True for the http and https schemes, in any case.</summary>
    public bool IsHttp { get; }

    /// <summary>The scheme without "://", as written (compare it case-insensitively); empty when there is none.</summary>
    public ReadOnlySpan<char> Scheme => Text.Slice(0, schemeLength);

    /// <summary>Between "://" and the path: user info, host and port; empty when there is no scheme.</summary>
    public ReadOnlySpan<char> Authority =>
        HasScheme ? Text.Slice(schemeLength + SchemeSeparator.Length, AuthorityEnd - schemeLength - SchemeSeparator.Length) : default;

    /// <summary>Whether an http(s) URL names a user (and password) before its host: "https://user:password@host/".</summary>
    public bool HasUserInfo => IsHttp && Authority.IndexOf('@') >= 0;

    /// <summary>The authority without user info and port (an IPv6 host keeps its brackets).</summary>
    public ReadOnlySpan<char> Host
    {
        get
        {
            var host = Authority;
            host = host.Slice(host.LastIndexOf('@') + 1);
            int colon = host.LastIndexOf(':');
            return colon >= 0 && host.IndexOf(']') < colon ? host.Slice(0, colon) : host;
        }
    }

    /// <summary>Where "scheme://authority" ends (0 without a scheme): the URL up to here names the server or bucket.</summary>
    public int AuthorityEnd { get; }

    /// <summary>Where the path starts, after the '/' that ends the authority.</summary>
    public int PathStart { get; }

    /// <summary>Where the path ends: at the query's '?' or the fragment's '#', else at the end of the URL. The URL up
    /// to here is the URL without query and fragment.</summary>
    public int PathEnd { get; }

    public ReadOnlySpan<char> Path => Text.Slice(PathStart, PathEnd - PathStart);

    public bool HasQuery => PathEnd < Text.Length && Text[PathEnd] == '?';

    /// <summary>The query without its '?'; empty when there is none.</summary>
    public ReadOnlySpan<char> Query => HasQuery ? Text.Slice(PathEnd + 1, queryEnd - PathEnd - 1) : default;

    public bool HasFragment => queryEnd < Text.Length;

    /// <summary>The fragment without its '#'; empty when there is none.</summary>
    public ReadOnlySpan<char> Fragment => HasFragment ? Text.Slice(queryEnd + 1) : default;

    /// <summary>Finds the parts of <paramref name="url"/>.</summary>
    public static UrlParts Of(string url) => Of(url.AsSpan());

    /// <inheritdoc cref="Of(string)"/>
    [MethodImpl(HotPath.Optimized)]
    public static UrlParts Of(ReadOnlySpan<char> url)
    {
        int schemeLength = SchemeLength(url);
        if (schemeLength == 0)
            return new UrlParts(url, 0, false, 0, 0, url.Length, url.Length);

        bool isHttp = IsHttpScheme(url.Slice(0, schemeLength));
        int authorityStart = schemeLength + SchemeSeparator.Length;
        var rest = url.Slice(authorityStart);
        int authorityLength = isHttp ? rest.IndexOfAny('/', '?', '#') : rest.IndexOf('/');
        int authorityEnd = authorityLength < 0 ? url.Length : authorityStart + authorityLength;
        int pathStart = authorityEnd < url.Length && url[authorityEnd] == '/' ? authorityEnd + 1 : authorityEnd;
        if (!isHttp)
            return new UrlParts(url, schemeLength, false, authorityEnd, pathStart, url.Length, url.Length);

        int pathLength = url.Slice(pathStart).IndexOfAny('?', '#');
        int pathEnd = pathLength < 0 ? url.Length : pathStart + pathLength;
        int queryEnd = pathEnd;
        if (pathEnd < url.Length && url[pathEnd] == '?')
        {
            int fragment = url.Slice(pathEnd + 1).IndexOf('#');
            queryEnd = fragment < 0 ? url.Length : pathEnd + 1 + fragment;
        }
        return new UrlParts(url, schemeLength, true, authorityEnd, pathStart, pathEnd, queryEnd);
    }

    /// <summary>The length of the scheme when "://" follows it, else 0. Reads only the scheme's few characters: most
    /// URLs are checked on the hot path, and a bare key stops at its first character that no scheme has.</summary>
    private static int SchemeLength(ReadOnlySpan<char> url)
    {
        if (url.Length == 0 || !IsAsciiLetter(url[0]))
            return 0;
        int i = 1;
        while (i < url.Length && (IsAsciiLetter(url[i]) || url[i] is >= '0' and <= '9' or '+' or '-' or '.'))
            i++;
        return url.Slice(i).StartsWith(SchemeSeparator.AsSpan()) ? i : 0;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>http or https in any case, compared by hand: this runs once per URL.</summary>
    private static bool IsHttpScheme(ReadOnlySpan<char> scheme) =>
        scheme.Length is 4 or 5
        && (scheme[0] | 0x20) == 'h' && (scheme[1] | 0x20) == 't' && (scheme[2] | 0x20) == 't' && (scheme[3] | 0x20) == 'p'
        && (scheme.Length == 4 || (scheme[4] | 0x20) == 's');
}
