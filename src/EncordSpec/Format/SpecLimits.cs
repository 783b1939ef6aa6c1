namespace EncordSpec.Format;

/// <summary>The platform's documented per-file limits, and the reader's own bounds that keep memory flat.</summary>
internal static class SpecLimits
{
    public const int MaxItemsPerFile = 500_000;
    public const int MaxObjectUrlsPerFile = 1_000_000;
    public const int MaxFileNameLength = 300;

    /// <summary>Deepest JSON nesting read: the document, a section, an item and 61 levels of metadata. Kept at 64 so
    /// that System.Text.Json's reader keeps its depth stack in one machine word (copies of it stay independent).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The largest single JSON token (or, for metadata, whole value) the reader buffers. Larger ones are
    /// reported instead of read: no valid spec has one, and memory stays bounded on hostile input.</summary>
    public const int MaxBufferedBytes = 64 * 1024 * 1024;

    /// <summary>The largest CSV row the reader buffers (a row is a URL of at most 16 KB plus a title).</summary>
    public const int MaxCsvRecordBytes = 4 * 1024 * 1024;
}
