using System;

namespace EncordSpec;

/// <summary>Takes an object URL apart just enough to find its path, folder and file name, without decoding.
/// In http(s) URLs the path ends at '?' or '#'; in s3:// and gs:// URIs everything after the bucket is the raw
/// key, so '?' and '#' there are part of the name.</summary>
public static class ObjectUrlPath
{
    /// <summary>The path part: for http(s) the part after the host without query or fragment; for s3:// and gs://
    /// the key; for anything else (a bare key or path) the whole string.</summary>
    public static string GetPath(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            return url;
        int authorityEnd = url.IndexOf('/', schemeEnd + 3);
        if (authorityEnd < 0)
            return "";
        string scheme = url.Substring(0, schemeEnd);
        if (IsHttp(scheme))
        {
            int end = url.IndexOfAny(QueryOrFragment, authorityEnd);
            return end < 0 ? url.Substring(authorityEnd + 1) : url.Substring(authorityEnd + 1, end - authorityEnd - 1);
        }
        return url.Substring(authorityEnd + 1);
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
        string name = GetFileName(url);
        int dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name.Substring(dot + 1);
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

    internal static bool IsHttp(string scheme) =>
        scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase);

    private static readonly char[] QueryOrFragment = { '?', '#' };
}
