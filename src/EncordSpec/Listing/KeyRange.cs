using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>The keys under a prefix that one part of a parallel listing lists: those the store lists after
/// <see cref="After"/>, up to where the range ends. A store's key order is not taken on trust: a range ends at a key
/// or a folder the store itself listed, recognised by name, never by comparing keys.
/// <list type="bullet">
/// <item><see cref="Before"/>: right before the first key that starts with it (the first key the next part listed,
/// or a folder a part of its own lists). Keys that start with a string lie together in any key order a store may
/// use, and a key comes before the keys it is the start of, so the first such key in the store's list is where the
/// next part begins.</item>
/// <item><see cref="ThroughFolder"/>: after the last key of the folder <see cref="UpTo"/>.</item>
/// <item>Neither: the range goes on to the end of the listing (or, while a split waits for its new part's first key,
/// to where that key will end it: see <see cref="RangePart.SplitOff"/>).</item>
/// </list>
/// <see cref="UpTo"/> is also a hint to a store that takes one (GCS endOffset): no key the range holds lies past it.</summary>
internal readonly struct KeyRange
{
    public KeyRange(string? after, string? upTo, bool throughFolder = false, string? before = null)
    {
        After = after;
        UpTo = upTo;
        ThroughFolder = throughFolder && upTo is not null && before is null;
        Before = before;
    }

    /// <summary>Null: from the first key under the listing's prefix. Exclusive, as S3's start-after is.</summary>
    public string? After { get; }

    /// <summary>A key no key of the range comes after (our guess of the store's order, for planning and as a hint to
    /// the store), or with <see cref="ThroughFolder"/> the folder the range ends with. Null: no end known.</summary>
    public string? UpTo { get; }

    /// <summary><see cref="UpTo"/> is a folder ('images/'), and the range ends after the last key in it.</summary>
    public bool ThroughFolder { get; }

    /// <summary>The range ends right before the first key that starts with this.</summary>
    public string? Before { get; }

    /// <summary>The same start, ending right before the first key that starts with <paramref name="key"/>.</summary>
    public KeyRange EndingBefore(string key) => new(After, UpTo, before: key);

    /// <summary>True when, in our guess of the store's order, the key lies in the range: for estimates only.</summary>
    public bool Holds(string key, IComparer<string> order) =>
        (After is null || order.Compare(key, After) > 0)
        && (Before is null || order.Compare(key, Before) < 0)
        && (UpTo is null || order.Compare(key, UpTo) <= 0 || ThroughFolder && key.StartsWith(UpTo, System.StringComparison.Ordinal));

    /// <summary>The key past which nothing lies, for planning splits: null for the end of the prefix; for a range
    /// through a folder, a key after all of the folder's (<see cref="KeyOrder.Ceiling"/>).</summary>
    public string? End(IComparer<string> order) => Before ?? (ThroughFolder ? KeyOrder.Ceiling(UpTo!, order) : UpTo);

    /// <summary>True when every key that starts with <paramref name="folder"/>, a folder the range has keys of, lies in
    /// the range, so that the folder's objects cannot come from any other part. Such keys lie together in any order,
    /// so the folder is whole unless the range starts or ends among them: its start or its end starts with the folder
    /// (a range through a folder holds the folders inside it whole).</summary>
    public bool HoldsFolder(string folder)
    {
        if (After is not null && After.StartsWith(folder, System.StringComparison.Ordinal))
            return false;
        string? end = Before ?? UpTo;
        return end is null || !end.StartsWith(folder, System.StringComparison.Ordinal)
            || ThroughFolder && folder.StartsWith(UpTo!, System.StringComparison.Ordinal);
    }

    public override string ToString() =>
        Before is not null ? $"({After ?? "start"}, before '{Before}')"
        : ThroughFolder ? $"({After ?? "start"}, all of '{UpTo}']"
        : $"({After ?? "start"}, {UpTo ?? "end"}]";
}
