using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Where the JSON reader is: the top-level key, the entry of a section's array, and the key inside an item.
/// Only the findings that the reader cannot place otherwise use it: a syntax error, or a value too large to read.</summary>
internal readonly record struct JsonPlace
{
    /// <summary>The top-level key whose value is being read; null outside one, or when the key could not be decoded.</summary>
    public string? TopLevelKey { get; init; }

    /// <summary>The section whose array is being read.</summary>
    public SpecSection? Section { get; init; }

    /// <summary>The index of the section's entry being read (or next to be read); null outside the array.</summary>
    public int? EntryIndex { get; init; }

    /// <summary>True while inside an item's braces.</summary>
    public bool InItem { get; init; }

    /// <summary>The item key whose value is being read; null for objectUrl_N (see <see cref="UrlIndex"/>) and between keys.</summary>
    public string? ItemKey { get; init; }

    /// <summary>N of the objectUrl_N key whose value is being read.</summary>
    public int? UrlIndex { get; init; }

    public static JsonPlace AtTopLevelKey(string? key) => new() { TopLevelKey = key };

    public JsonPlace InSection(SpecSection section) => this with { Section = section };

    public JsonPlace AtEntry(int index) => this with { EntryIndex = index, InItem = false, ItemKey = null, UrlIndex = null };

    public JsonPlace EnterItem() => this with { InItem = true };

    /// <summary>At the value of an item key: its name, or N for objectUrl_N, whose name is made only when needed.</summary>
    public JsonPlace AtItemKey(string? name, int urlIndex) => this with { ItemKey = name, UrlIndex = urlIndex >= 0 ? urlIndex : null };

    public JsonPlace BetweenItemKeys() => this with { ItemKey = null, UrlIndex = null };

    /// <summary>"images[3].objectUrl", "images[3]", "images" or "" (outside every key).</summary>
    public override string ToString()
    {
        if (Section is not { } section || EntryIndex is not { } index)
            return TopLevelKey ?? "";
        var entry = ItemLocation.Item(section, index);
        if (!InItem)
            return entry.ToString();
        return ItemKey is not null ? entry.LocationOf(ItemKey)
            : UrlIndex is { } n ? entry.LocationOf(SpecKeys.IndexedObjectUrl(n))
            : entry.ToString();
    }

    /// <summary>The place of a comma before a closing bracket: between a section's entries it follows the last
    /// entry read, so it is that entry's; anywhere else, the current place.</summary>
    public string OfTrailingComma() =>
        !InItem && Section is { } section && EntryIndex is > 0 and { } next
            ? ItemLocation.Item(section, next - 1).ToString()
            : ToString();
}
