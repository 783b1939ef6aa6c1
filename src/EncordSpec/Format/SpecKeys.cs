using System.Text;

namespace EncordSpec.Format;

/// <summary>Every key name the spec format uses, in one place so writer, reader and validator agree.</summary>
internal static class SpecKeys
{
    public const string ObjectUrl = "objectUrl";
    public const string ObjectUrlPrefix = "objectUrl_";
    public const string Title = "title";
    public const string CreateVideo = "createVideo";
    public const string ClientMetadata = "clientMetadata";
    public const string SkipDuplicateUrls = "skip_duplicate_urls";
    public const string UpsertMetadata = "upsert_metadata";
    public const string ImageMetadata = "imageMetadata";
    public const string VideoMetadata = "videoMetadata";
    public const string AudioMetadata = "audioMetadata";
    public const string TextMetadata = "textMetadata";
    public const string PdfMetadata = "pdfMetadata";

    /// <summary>The item keys as UTF-8, to compare with a JSON reader's raw property names without decoding them.</summary>
    public static class Utf8
    {
        public static readonly byte[] ObjectUrl = Encoding.UTF8.GetBytes(SpecKeys.ObjectUrl);
        public static readonly byte[] ObjectUrlPrefix = Encoding.UTF8.GetBytes(SpecKeys.ObjectUrlPrefix);
        public static readonly byte[] Title = Encoding.UTF8.GetBytes(SpecKeys.Title);
        public static readonly byte[] CreateVideo = Encoding.UTF8.GetBytes(SpecKeys.CreateVideo);
        public static readonly byte[] ClientMetadata = Encoding.UTF8.GetBytes(SpecKeys.ClientMetadata);
    }

    /// <summary>CSV headers, exactly as the format page names them, in this order.</summary>
    public const string CsvObjectUrl = "ObjectUrl";
    public const string CsvImageGroupTitle = "Image group title";
    public const string CsvCreateVideo = "Create video";
    public static readonly string[] CsvHeaders = { CsvObjectUrl, CsvImageGroupTitle, CsvCreateVideo };

    /// <summary>The per-item media metadata key of a single-file section.</summary>
    public static string MediaMetadataKey(SpecSection section) =>
        HasMediaMetadata(section) ? MediaMetadataKeyOrNull(section)!
        : throw new System.ArgumentOutOfRangeException(nameof(section), "Only single-file sections other than nifti have media metadata.");

    /// <summary>Whether items of the section can carry a media metadata object (groups and NIfTI cannot).</summary>
    public static bool HasMediaMetadata(SpecSection section) => MediaMetadataKeyOrNull(section) is not null;

    private static string? MediaMetadataKeyOrNull(SpecSection section) => section switch
    {
        SpecSection.Images => ImageMetadata,
        SpecSection.Videos => VideoMetadata,
        SpecSection.Audio => AudioMetadata,
        SpecSection.Text => TextMetadata,
        SpecSection.Pdf => PdfMetadata,
        _ => null,
    };

    /// <summary>"objectUrl_N". The first few thousand are made once: every group writes and checks them, and making
    /// them afresh cost 48 MB of garbage and a third more time for each million grouped URLs checked.</summary>
    public static string IndexedObjectUrl(int index) =>
        index < IndexedKeyCache.Length ? IndexedKeyCache[index] ??= MakeIndexedObjectUrl(index) : MakeIndexedObjectUrl(index);

    private static readonly string?[] IndexedKeyCache = new string?[4096];

    private static string MakeIndexedObjectUrl(int index) =>
        ObjectUrlPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
