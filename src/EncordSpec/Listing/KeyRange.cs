using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>The keys under a prefix after <see cref="After"/> (exclusive) up to <see cref="UpTo"/> (inclusive): one
/// part of a parallel listing. Exclusive at the start because S3's start-after is; two ranges split at a key m,
/// (a, m] and (m, b], hold every key of (a, b] exactly once. A range may also end with a whole folder
/// (<see cref="ThroughFolder"/>): every key in it, however it sorts against the folder's name.</summary>
internal readonly struct KeyRange
{
    public KeyRange(string? after, string? upTo, bool throughFolder = false)
    {
        After = after;
        UpTo = upTo;
        ThroughFolder = throughFolder && upTo is not null;
    }

    /// <summary>Null: from the first key under the listing's prefix.</summary>
    public string? After { get; }

    /// <summary>Null: to the last key under the listing's prefix.</summary>
    public string? UpTo { get; }

    /// <summary><see cref="UpTo"/> is a folder ('images/'), and the range ends after the last key in it.</summary>
    public bool ThroughFolder { get; }

    public bool IsBefore(string key, IComparer<string> order) => After is not null && order.Compare(key, After) <= 0;

    public bool IsPast(string key, IComparer<string> order) =>
        UpTo is not null && order.Compare(key, UpTo) > 0 && !(ThroughFolder && key.StartsWith(UpTo, System.StringComparison.Ordinal));

    /// <summary>True when the key lies in the range: neither before its start nor past its end.</summary>
    public bool Holds(string key, IComparer<string> order) => !IsBefore(key, order) && !IsPast(key, order);

    /// <summary>The key past which nothing lies, for planning splits: null for the end of the prefix; for a range
    /// through a folder, a key after all of the folder's (<see cref="KeyOrder.Ceiling"/>).</summary>
    public string? End(IComparer<string> order) => ThroughFolder ? KeyOrder.Ceiling(UpTo!, order) : UpTo;

    /// <summary>True when every key that starts with <paramref name="folder"/> lies in the range, so that the folder's
    /// objects cannot come from any other part. A key range split inside a folder shares it with its neighbour.</summary>
    public bool HoldsFolder(string folder, IComparer<string> order) =>
        (After is null || order.Compare(folder, After) > 0)
        && (UpTo is null
            || ThroughFolder && folder.StartsWith(UpTo, System.StringComparison.Ordinal)
            || !UpTo.StartsWith(folder, System.StringComparison.Ordinal) && order.Compare(folder, UpTo) < 0);

    public override string ToString() => ThroughFolder ? $"({After ?? "start"}, all of '{UpTo}']" : $"({After ?? "start"}, {UpTo ?? "end"}]";
}
