using System;
using System.Runtime.CompilerServices;

namespace EncordSpec.Urls;

/// <summary>An object URL's path, folder, file name and extension, without decoding (see <see cref="UrlParts"/> for
/// where the path of each kind of URL ends).</summary>
internal static class ObjectUrlPath
{
    /// <summary>The path part: for http(s) the part after the host without query or fragment; for s3:// and gs://
    /// the key; for anything else (a bare key or path) the whole string.</summary>
    public static string GetPath(string url)
    {
        var parts = UrlParts.Of(url);
        return url.Substring(parts.PathStart, parts.PathEnd - parts.PathStart);
    }

    /// <summary>The last path segment (the file name as it appears in the URL).</summary>
    public static string GetFileName(string url)
    {
        string path = GetPath(url);
        return path.Substring(path.LastIndexOf('/') + 1);
    }

    /// <summary>The file name's extension without the dot, or "" when the name has none.</summary>
    public static string GetExtension(string url) => GetExtension(UrlParts.Of(url)).ToString();

    /// <summary>The extension of the file name in an already cut URL, without the dot; empty when it has none.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static ReadOnlySpan<char> GetExtension(in UrlParts parts)
    {
        var path = parts.Path;
        var name = path.Slice(path.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        return dot < 0 ? default : name.Slice(dot + 1);
    }

    /// <summary>The URL up to and including the last '/' of its path: identifies the folder an object is in
    /// (for an object at the root of its bucket, the URL up to the path).</summary>
    public static string GetFolderUrl(string url)
    {
        var parts = UrlParts.Of(url);
        return url.Substring(0, parts.PathStart + parts.Path.LastIndexOf('/') + 1);
    }
}
