using EncordSpec.Format;

namespace EncordSpec.Validation;

/// <summary>Everything about one object URL that its checks need besides its text, captured when it is read so that
/// the checks can also run later, on another thread.</summary>
/// <param name="Key">The key the URL is under.</param>
/// <param name="Section">The section, for the file type check; null skips it.</param>
/// <param name="Where">The item or row.</param>
/// <param name="Position">Where the URL's value starts.</param>
/// <param name="GroupId">Identifies the group the URL belongs to (for repeats within it); 0 for single items.</param>
/// <param name="SkipDuplicateUrls">Whether skip_duplicate_urls: true had been read when the URL was, for the duplicate message.</param>
internal readonly record struct UrlCheckRequest(UrlKey Key, SpecSection? Section, ItemLocation Where, TextPosition Position, long GroupId, bool SkipDuplicateUrls)
{
    public string Location => Where.LocationOf(Key.ToString());
}
