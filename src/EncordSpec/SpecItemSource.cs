using EncordSpec.Format;

namespace EncordSpec;

/// <summary>Where an item was read from: the spec file, its section and its index there (and, for CSV, the line).</summary>
public sealed class SpecItemSource
{
    public SpecItemSource(string? path, SpecSection section, int index, long line)
    {
        Path = path;
        Section = section;
        Index = index;
        Line = line;
    }

    /// <summary>Full path of the spec file, or null when the spec came from a string.</summary>
    public string? Path { get; }
    public SpecSection Section { get; }
    /// <summary>Zero-based index of the item within its section (for CSV, within the rows of that kind).</summary>
    public int Index { get; }
    /// <summary>One-based line where the item starts.</summary>
    public long Line { get; }

    public override string ToString() =>
        (Path is null ? "" : System.IO.Path.GetFileName(Path) + ": ") + Section.JsonName() + "[" + Index + "]";
}
