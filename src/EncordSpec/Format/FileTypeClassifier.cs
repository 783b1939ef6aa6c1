using System;
using System.Collections.Generic;
using EncordSpec.Urls;

namespace EncordSpec.Format;

/// <summary>Decides an object's <see cref="DataType"/> from the extension of its URL path or key, case-insensitive,
/// following the file types the platform documents ("Supported data"), not a general list of media extensions: a
/// file the platform does not document (.gif, .heic, .avi, .ogg, ...) is Unsupported, so it is reported rather than
/// registered and refused hours later.</summary>
internal static class FileTypeClassifier
{
    /// <summary>The one double extension the platform documents; <see cref="ObjectUrlPath.GetExtension(string)"/>
    /// sees only its last part ("gz").</summary>
    private const string NiftiGzip = "nii.gz";

    private static readonly Dictionary<string, DataType> ByExtension = Build();

    /// <summary>Image extensions an image sequence (createVideo: true) cannot take: the platform builds a video of
    /// the images, and documents TIFF only for single images and image groups.</summary>
    private static readonly HashSet<string> NotInImageSequences = new(StringComparer.OrdinalIgnoreCase) { "tif", "tiff" }; // as the span overload

    private static Dictionary<string, DataType> Build()
    {
        var map = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        void Add(DataType type, params string[] extensions)
        {
            foreach (string extension in extensions)
                map.Add(extension, type);
        }
        Add(DataType.Image, "jpg", "jpeg", "png", "webp", "avif", "bmp", "tif", "tiff");
        Add(DataType.Video, "mp4", "mov", "webm", "mkv");
        // .mp4 is also an audio container; it counts as audio only where the user says so (DataType Audio).
        Add(DataType.Audio, "mp3", "wav", "flac", "eac3", "m4a");
        Add(DataType.Pdf, "pdf");
        Add(DataType.Text, "txt", "md", "rst", "html", "htm", "xml", "json", "csv");
        Add(DataType.Nifti, "nii", NiftiGzip);
        // DICOM files need no extension inside a series (see Classify); these names are DICOM anywhere.
        Add(DataType.Dicom, "dcm", "dicom");
        return map;
    }

    /// <summary>The extensions documented for one data type, lower-case, for help text and messages.</summary>
    public static IEnumerable<string> ExtensionsOf(DataType type)
    {
        foreach (var pair in ByExtension)
            if (pair.Value == type)
                yield return pair.Key;
    }

    /// <summary>Whether an image of this URL or key can be a frame of an image sequence (createVideo: true).</summary>
    public static bool FitsImageSequence(string urlOrKey) => !NotInImageSequences.Contains(ObjectUrlPath.GetExtension(urlOrKey));

    /// <inheritdoc cref="FitsImageSequence(string)"/>
    /// <remarks>Asked of every image group URL a spec holds: URLs without "tif" anywhere are passed without cutting.</remarks>
    public static bool FitsImageSequence(ReadOnlySpan<char> url)
    {
        if (url.IndexOf("tif".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0)
            return true;
        var extension = ObjectUrlPath.GetExtension(UrlParts.Of(url));
        return !(extension.Equals("tif".AsSpan(), StringComparison.OrdinalIgnoreCase) || extension.Equals("tiff".AsSpan(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Classifies a URL or key. A file without extension is Unsupported unless
    /// <paramref name="extensionlessIsDicom"/> is set: DICOM series often have no extensions, or are named by
    /// their UIDs ("1.2.840.10008.5.1.4.1.1.2"), whose last dot leaves only digits, so those count as DICOM too.</summary>
    public static DataType Classify(string urlOrKey, bool extensionlessIsDicom = false) => Classify(UrlParts.Of(urlOrKey), extensionlessIsDicom);

    /// <summary>As <see cref="Classify(string, bool)"/>, for a URL already cut: makes no string of the URL, so a URL of
    /// many megabytes is classified without a copy.</summary>
    public static DataType Classify(in UrlParts parts, bool extensionlessIsDicom = false)
    {
        var extension = ObjectUrlPath.GetExtension(parts);
        if (extensionlessIsDicom && (extension.Length == 0 || IsAllDigits(extension)))
            return DataType.Dicom;
        if (NeedsWholeName(extension) && IsNiftiGzip(parts))
            return DataType.Nifti;
        if (extension.Length > LongestExtension)
            return DataType.Unsupported; // not worth a string: no known extension is this long
        return ByExtension.TryGetValue(extension.ToString(), out var type) ? type : DataType.Unsupported;
    }

    /// <summary>Whether the extension alone does not decide the type (".gz" needs the name before it), so that
    /// callers remembering decisions per extension must not remember this one.</summary>
    public static bool NeedsWholeName(ReadOnlySpan<char> extension) => extension.Equals("gz".AsSpan(), StringComparison.OrdinalIgnoreCase);

    private const int LongestExtension = 16;

    private static bool IsNiftiGzip(in UrlParts parts)
    {
        var path = parts.Path;
        var name = path.Slice(path.LastIndexOf('/') + 1);
        return name.Length > NiftiGzip.Length + 1
            && name.EndsWith(("." + NiftiGzip).AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (c is < '0' or > '9')
                return false;
        return true;
    }

    /// <summary>Classifies by MIME content type, for names without an extension (e.g. application/dicom). Only the
    /// content types of documented formats count; text files are Text here too, and written only where asked.</summary>
    public static DataType ClassifyContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return DataType.Unsupported;
        string mime = contentType!.Split(';')[0].Trim();
        return ByContentType.TryGetValue(mime, out var type) ? type : DataType.Unsupported;
    }

    private static readonly Dictionary<string, DataType> ByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/dicom"] = DataType.Dicom,
        ["image/jpeg"] = DataType.Image,
        ["image/png"] = DataType.Image,
        ["image/webp"] = DataType.Image,
        ["image/avif"] = DataType.Image,
        ["image/bmp"] = DataType.Image,
        ["image/tiff"] = DataType.Image,
        ["video/mp4"] = DataType.Video,
        ["video/quicktime"] = DataType.Video,
        ["video/webm"] = DataType.Video,
        ["video/x-matroska"] = DataType.Video,
        ["audio/mpeg"] = DataType.Audio,
        ["audio/wav"] = DataType.Audio,
        ["audio/x-wav"] = DataType.Audio,
        ["audio/wave"] = DataType.Audio,
        ["audio/flac"] = DataType.Audio,
        ["audio/x-flac"] = DataType.Audio,
        ["audio/eac3"] = DataType.Audio,
        ["audio/mp4"] = DataType.Audio,
        ["audio/x-m4a"] = DataType.Audio,
        ["application/pdf"] = DataType.Pdf,
        ["text/plain"] = DataType.Text,
        ["text/markdown"] = DataType.Text,
        ["text/x-rst"] = DataType.Text,
        ["text/html"] = DataType.Text,
        ["text/xml"] = DataType.Text,
        ["application/xml"] = DataType.Text,
        ["application/json"] = DataType.Text,
        ["text/csv"] = DataType.Text,
    };
}
