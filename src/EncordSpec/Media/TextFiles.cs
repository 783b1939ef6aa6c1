using System;
using System.Collections.Generic;

namespace EncordSpec.Media;

/// <summary>Text files the platform registers as text: their metadata is size and MIME type, nothing to read.</summary>
internal static class TextFiles
{
    private static readonly Dictionary<string, string> MimeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "text/plain",
        ["text"] = "text/plain",
        ["log"] = "text/plain",
        ["md"] = "text/markdown",
        ["markdown"] = "text/markdown",
        ["rst"] = "text/x-rst",
        ["csv"] = "text/csv",
        ["tsv"] = "text/tab-separated-values",
        ["html"] = "text/html",
        ["htm"] = "text/html",
        ["xml"] = "application/xml",
        ["json"] = "application/json",
        ["jsonl"] = "application/jsonl",
        ["yaml"] = "application/yaml",
        ["yml"] = "application/yaml",
    };

    /// <summary>The MIME type of a text file, or null when the object is not one: a text/* content type, else the
    /// name's extension (S3 listings carry no content type).</summary>
    public static string? MimeTypeOf(string name, string? contentType)
    {
        string? mime = contentType?.Split(';')[0].Trim();
        if (mime is not null && mime.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return mime.ToLowerInvariant();
        int slash = name.LastIndexOf('/');
        int dot = name.LastIndexOf('.');
        if (dot <= slash)
            return null;
        return MimeByExtension.TryGetValue(name.Substring(dot + 1), out var byExtension) ? byExtension : null;
    }
}
