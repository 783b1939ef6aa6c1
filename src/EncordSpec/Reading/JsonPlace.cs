using EncordSpec.Format;
using EncordSpec.Validation;

namespace EncordSpec.Reading;

/// <summary>Where the JSON reader is: the top-level key, the entry of a section's array, and the key inside an item.
/// Only the findings that the reader cannot place otherwise use it: a syntax error, or a value too large to read.
/// One value that the reader moves along as it goes (by reference: it changes for every key of a million items).</summary>
internal struct JsonPlace
{
    private string? topLevelKey;
    private SpecSection? section;
    private int? entryIndex;
    private bool inItem;
    private string? itemKey;
    private int? urlIndex;

    /// <summary>At a top-level key (null when it could not be decoded), outside any section's array.</summary>
    public void AtTopLevelKey(string? key) => this = new JsonPlace { topLevelKey = key };

    /// <summary>In the value of a section's key.</summary>
    public void InSection(SpecSection value) => section = value;

    /// <summary>At the entry <paramref name="index"/> of the section's array (before it is read, or between entries).</summary>
    public void AtEntry(int index)
    {
        entryIndex = index;
        inItem = false;
        BetweenItemKeys();
    }

    /// <summary>Inside the entry's braces.</summary>
    public void EnterItem() => inItem = true;

    /// <summary>At the value of an item key: its name, or N for objectUrl_N (<paramref name="name"/> null, as that
    /// name is made only when needed).</summary>
    public void AtItemKey(string? name, int index)
    {
        itemKey = name;
        urlIndex = index >= 0 ? index : null;
    }

    public void BetweenItemKeys()
    {
        itemKey = null;
        urlIndex = null;
    }

    /// <summary>"images[3].objectUrl", "images[3]", "images" or "" (outside every key).</summary>
    public override readonly string ToString()
    {
        if (section is not { } inSection || entryIndex is not { } index)
            return topLevelKey ?? "";
        var entry = ItemLocation.Item(inSection, index);
        if (!inItem)
            return entry.ToString();
        return itemKey is not null ? entry.LocationOf(itemKey)
            : urlIndex is { } n ? entry.LocationOf(SpecKeys.IndexedObjectUrl(n))
            : entry.ToString();
    }

    /// <summary>The place of a comma before a closing bracket: between a section's entries it follows the last
    /// entry read, so it is that entry's; anywhere else, the current place.</summary>
    public readonly string OfTrailingComma() =>
        !inItem && section is { } inSection && entryIndex is > 0 and { } next
            ? ItemLocation.Item(inSection, next - 1).ToString()
            : ToString();
}
