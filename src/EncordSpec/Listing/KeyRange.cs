using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>The keys under a prefix after <see cref="After"/> (exclusive) up to <see cref="UpTo"/> (inclusive): one
/// part of a parallel listing. Exclusive at the start because S3's start-after is; two ranges split at a key m,
/// (a, m] and (m, b], hold every key of (a, b] exactly once.</summary>
internal readonly struct KeyRange
{
    public KeyRange(string? after, string? upTo)
    {
        After = after;
        UpTo = upTo;
    }

    /// <summary>Null: from the first key under the listing's prefix.</summary>
    public string? After { get; }

    /// <summary>Null: to the last key under the listing's prefix.</summary>
    public string? UpTo { get; }

    public bool IsBefore(string key, IComparer<string> order) => After is not null && order.Compare(key, After) <= 0;

    public bool IsPast(string key, IComparer<string> order) => UpTo is not null && order.Compare(key, UpTo) > 0;

    /// <summary>True when every key that starts with <paramref name="folder"/> lies in the range, so that the folder's
    /// objects cannot come from any other part. A key range split inside a folder shares it with its neighbour.</summary>
    public bool HoldsFolder(string folder, IComparer<string> order) =>
        (After is null || order.Compare(folder, After) > 0)
        && (UpTo is null || !UpTo.StartsWith(folder, System.StringComparison.Ordinal) && order.Compare(folder, UpTo) < 0);

    public override string ToString() => $"({After ?? "start"}, {UpTo ?? "end"}]";
}
