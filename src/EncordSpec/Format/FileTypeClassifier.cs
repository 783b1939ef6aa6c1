using System;
using System.Collections.Generic;
using EncordSpec.Urls;

namespace EncordSpec.Format;

/// <summary>Decides an object's <see cref="DataType"/> from the extension of its URL path or key, case-insensitive.</summary>
internal static class FileTypeClassifier
{
    private static readonly Dictionary<string, DataType> ByExtension = Build();

    private static Dictionary<string, DataType> Build()
    {
        var map = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        void Add(DataType type, params string[] extensions)
        {
            foreach (string extension in extensions)
                map.Add(extension, type);
        }
        Add(DataType.Image, "jpg", "jpeg", "jpe", "jfif", "png", "bmp", "gif", "tif", "tiff", "webp", "avif", "heic", "heif");
        Add(DataType.Video, "mp4", "m4v", "mov", "webm", "mkv", "avi", "mpg", "mpeg", "ogv", "wmv", "flv", "3gp", "ts", "mts", "m2ts");
        Add(DataType.Audio, "mp3", "wav", "flac", "ogg", "oga", "opus", "m4a", "aac", "wma", "aif", "aiff");
        Add(DataType.Dicom, "dcm", "dicom");
        return map;
    }

    /// <summary>The extensions known for one data type, lower-case, for help text and messages.</summary>
    public static IEnumerable<string> ExtensionsOf(DataType type)
    {
        foreach (var pair in ByExtension)
            if (pair.Value == type)
                yield return pair.Key;
    }

    /// <summary>Classifies a URL or key. A file without extension is Unsupported unless
    /// <paramref name="extensionlessIsDicom"/> is set: DICOM series often have no extensions, or are named by
    /// their UIDs ("1.2.840.10008.5.1.4.1.1.2"), whose last dot leaves only digits, so those count as DICOM too.</summary>
    public static DataType Classify(string urlOrKey, bool extensionlessIsDicom = false)
    {
        string extension = ObjectUrlPath.GetExtension(urlOrKey);
        if (extensionlessIsDicom && (extension.Length == 0 || IsAllDigits(extension)))
            return DataType.Dicom;
        return ByExtension.TryGetValue(extension, out var type) ? type : DataType.Unsupported;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (char c in text)
            if (c is < '0' or > '9')
                return false;
        return true;
    }

    /// <summary>Classifies by MIME content type when the extension says nothing (e.g. application/dicom).</summary>
    public static DataType ClassifyContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return DataType.Unsupported;
        string mime = contentType!.Split(';')[0].Trim();
        if (mime.Equals("application/dicom", StringComparison.OrdinalIgnoreCase))
            return DataType.Dicom;
        if (mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            return DataType.Image;
        if (mime.StartsWith("video/", StringComparison.OrdinalIgnoreCase))
            return DataType.Video;
        if (mime.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
            return DataType.Audio;
        return DataType.Unsupported;
    }
}
