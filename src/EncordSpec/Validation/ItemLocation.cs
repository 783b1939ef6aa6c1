using EncordSpec.Format;

namespace EncordSpec.Validation;

/// <summary>Which item (JSON: images[3]) or row (CSV: row 4) a finding is about, as a small value that is turned
/// into text ("images[3].objectUrl", "row 4, ObjectUrl") only when there is a finding.</summary>
internal readonly struct ItemLocation
{
    private readonly long number;
    private readonly SpecSection section;
    private readonly bool isRow;

    private ItemLocation(long number, SpecSection section, bool isRow)
    {
        this.number = number;
        this.section = section;
        this.isRow = isRow;
    }

    /// <summary>The item at <paramref name="index"/> of a JSON section.</summary>
    public static ItemLocation Item(SpecSection section, int index) => new(index, section, isRow: false);

    /// <summary>A CSV data row (1-based, the header not counted).</summary>
    public static ItemLocation Row(long row) => new(row, default, isRow: true);

    /// <summary>The location of <paramref name="key"/> in the item or row, or of the item or row itself when null.</summary>
    public string LocationOf(string? key)
    {
        string item = isRow ? "row " + number : section.JsonName() + "[" + number + "]";
        return key is null ? item : item + (isRow ? ", " : ".") + key;
    }

    public override string ToString() => LocationOf(null);
}
