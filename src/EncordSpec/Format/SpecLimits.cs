namespace EncordSpec.Format;

/// <summary>Every limit of the format: the platform's per-URL, per-item and per-file limits, and the reader's own bounds
/// that keep memory flat.</summary>
internal static class SpecLimits
{
    /// <summary>The platform rejects object URLs longer than this (in UTF-16 characters).</summary>
    public const int MaxObjectUrlLength = 16 * 1024;

    /// <summary>The platform's limit on one item's clientMetadata, measured as compact UTF-8 JSON.</summary>
    public const int MaxClientMetadataBytes = 10 * 1024 * 1024;

    /// <summary><see cref="MaxClientMetadataBytes"/> as messages give it: "10 MB".</summary>
    public static string MaxClientMetadataText => $"{MaxClientMetadataBytes / (1024 * 1024)} MB";

    public const int MaxItemsPerFile = 500_000;
    public const int MaxObjectUrlsPerFile = 1_000_000;
    public const int MaxFileNameLength = 300;

    /// <summary>Deepest JSON nesting read: the document, a section, an item and 61 levels of metadata. Kept at 64 so
    /// that System.Text.Json's reader keeps its depth stack in one machine word (copies of it stay independent).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The largest single JSON token (or, for metadata, whole value) the reader buffers. Larger ones are
    /// reported instead of read: no valid spec has one, and memory stays bounded on hostile input.</summary>
    public const int MaxBufferedBytes = 64 * 1024 * 1024;

    /// <summary>The largest CSV row the reader buffers: as large as a JSON value, so that a row holding a URL or title
    /// of many megabytes is read and reported for what it breaks (ObjectUrlTooLong...), not as malformed CSV. A larger
    /// row is ValueTooLarge. CsvHelper's buffer grows to at most about twice this.</summary>
    public const int MaxCsvRecordBytes = MaxBufferedBytes;
}
