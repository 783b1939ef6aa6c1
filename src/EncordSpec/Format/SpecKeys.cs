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

    /// <summary>CSV headers, exactly as the format page names them, in this order.</summary>
    public const string CsvObjectUrl = "ObjectUrl";
    public const string CsvImageGroupTitle = "Image group title";
    public const string CsvCreateVideo = "Create video";
    public static readonly string[] CsvHeaders = { CsvObjectUrl, CsvImageGroupTitle, CsvCreateVideo };

    /// <summary>The platform's limit on one item's client metadata, measured as serialized UTF-8 bytes.</summary>
    public const int MaxClientMetadataBytes = 10 * 1024 * 1024;

    /// <summary>"objectUrl_N". The first few thousand are made once: every group writes and checks them, and making
    /// them afresh cost 48 MB of garbage and a third more time for each million grouped URLs checked.</summary>
    public static string IndexedObjectUrl(int index) =>
        index < IndexedKeyCache.Length ? IndexedKeyCache[index] ??= MakeIndexedObjectUrl(index) : MakeIndexedObjectUrl(index);

    private static readonly string?[] IndexedKeyCache = new string?[4096];

    private static string MakeIndexedObjectUrl(int index) =>
        ObjectUrlPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
