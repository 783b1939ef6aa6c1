using EncordSpec.Format;
using EncordSpec.Reading;

namespace EncordSpec.Validation;

/// <summary>Everything about one object URL that its checks need besides its text, captured when it is read so that
/// the checks can also run later, on another thread.</summary>
internal readonly struct UrlCheckRequest
{
    public UrlCheckRequest(UrlKey key, SpecSection? section, ItemLocation where, TextPosition position, long groupId, bool skipDuplicateUrls)
    {
        Key = key;
        Section = section;
        Where = where;
        Position = position;
        GroupId = groupId;
        SkipDuplicateUrls = skipDuplicateUrls;
    }

    public UrlKey Key { get; }
    /// <summary>The section, for the file type check; null skips it.</summary>
    public SpecSection? Section { get; }
    public ItemLocation Where { get; }
    public TextPosition Position { get; }
    /// <summary>Identifies the group the URL belongs to (for repeats within it); 0 for single items.</summary>
    public long GroupId { get; }
    /// <summary>Whether skip_duplicate_urls: true had been read when the URL was, for the duplicate message.</summary>
    public bool SkipDuplicateUrls { get; }

    public string Location => Where.LocationOf(Key.ToString());
}
