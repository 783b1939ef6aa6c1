using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Urls;

/// <summary>Takes an object URL apart just enough to find its path, folder and file name, without decoding.
/// In http(s) URLs the path ends at '?' or '#'; in s3:// and gs:// URIs everything after the bucket is the raw
/// key, so '?' and '#' there are part of the name.</summary>
internal static class ObjectUrlPath
{
    /// <summary>The path part: for http(s) the part after the host without query or fragment; for s3:// and gs://
    /// the key; for anything else (a bare key or path) the whole string.</summary>
    public static string GetPath(string url)
    {
        GetPathRange(url, out int start, out int end);
        return url.Substring(start, end - start);
    }

    /// <summary>Where <see cref="GetPath"/>'s part lies in the URL: from <paramref name="start"/> up to (not including)
    /// <paramref name="end"/>. Lets hot loops look at the path without allocating it.</summary>
    public static void GetPathRange(string url, out int start, out int end) => GetPathRange(url.AsSpan(), out start, out end);

    /// <inheritdoc cref="GetPathRange(string, out int, out int)"/>
    [MethodImpl(HotPath.Optimized)]
    public static void GetPathRange(ReadOnlySpan<char> url, out int start, out int end)
    {
        int schemeEnd = url.IndexOf("://".AsSpan());
        if (schemeEnd <= 0)
        {
            start = 0;
            end = url.Length;
            return;
        }
        int authorityEnd = url.Slice(schemeEnd + 3).IndexOf('/');
        if (authorityEnd < 0)
        {
            start = end = url.Length;
            return;
        }
        authorityEnd += schemeEnd + 3;
        start = authorityEnd + 1;
        end = url.Length;
        if (IsHttpScheme(url.Slice(0, schemeEnd)))
        {
            int queryOrFragment = url.Slice(authorityEnd).IndexOfAny('?', '#');
            if (queryOrFragment >= 0) end = authorityEnd + queryOrFragment;
        }
    }

    /// <summary>The last path segment (the file name as it appears in the URL).</summary>
    public static string GetFileName(string url)
    {
        string path = GetPath(url);
        return path.Substring(path.LastIndexOf('/') + 1);
    }

    /// <summary>The file name's extension without the dot, or "" when the name has none.</summary>
    public static string GetExtension(string url)
    {
        GetExtensionRange(url, out int start, out int length);
        return url.Substring(start, length);
    }

    /// <summary>Where <see cref="GetExtension"/>'s text lies in the URL (length 0 when the name has no extension).</summary>
    public static void GetExtensionRange(string url, out int start, out int length) => GetExtensionRange(url.AsSpan(), out start, out length);

    /// <inheritdoc cref="GetExtensionRange(string, out int, out int)"/>
    [MethodImpl(HotPath.Optimized)]
    public static void GetExtensionRange(ReadOnlySpan<char> url, out int start, out int length)
    {
        GetPathRange(url, out int pathStart, out int pathEnd);
        var path = url.Slice(pathStart, pathEnd - pathStart);
        int nameStart = path.LastIndexOf('/') + 1;
        int dot = path.Slice(nameStart).LastIndexOf('.');
        start = dot < 0 ? pathEnd : pathStart + nameStart + dot + 1;
        length = pathEnd - start;
    }

    /// <summary>The URL up to and including the last '/' of its path: identifies the folder an object is in
    /// (for an object at the root of its bucket, the URL up to the path).</summary>
    public static string GetFolderUrl(string url)
    {
        string path = GetPath(url);
        int pathStart = PathStart(url);
        return url.Substring(0, pathStart + path.LastIndexOf('/') + 1);
    }

    /// <summary>Index in <paramref name="url"/> where the path returned by <see cref="GetPath"/> starts.</summary>
    private static int PathStart(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            return 0;
        int authorityEnd = url.IndexOf('/', schemeEnd + 3);
        return authorityEnd < 0 ? url.Length : authorityEnd + 1;
    }

    private static bool IsHttpScheme(ReadOnlySpan<char> scheme) =>
        scheme.Equals("http".AsSpan(), StringComparison.OrdinalIgnoreCase) || scheme.Equals("https".AsSpan(), StringComparison.OrdinalIgnoreCase);

    internal static bool IsHttp(string scheme) =>
        scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase);

}
