using System.Collections.Specialized;

namespace EncordSpec;

/// <summary>One entry of an upload spec: a single file or a group of files.</summary>
public abstract class EncordDataItem
{
    /// <summary>Optional for single files (the platform then uses the object's path and name, such as
    /// /path/to/video23.mp4); required for groups.</summary>
    public string? Title { get; set; }

    /// <summary>The item's clientMetadata, a JSON object: string keys, values that are strings, numbers,
    /// booleans, null, nested objects (OrderedDictionary) or arrays (object[]). Null when absent.</summary>
    public OrderedDictionary? ClientMetadata { get; set; }

    /// <summary>The spec section the item belongs to.</summary>
    public abstract SpecSection Section { get; }

    /// <summary>Set when the item was read from a spec (ConvertFrom-EncordSpec); null for new items.</summary>
    public SpecItemSource? Source { get; set; }

    /// <summary>The flags of the spec the item was read from, for ConvertTo-EncordSpec to carry; internal, so it stays
    /// out of PowerShell's output.</summary>
    internal Reading.ReadSpecFlags? ReadFlags { get; set; }
}
