using System;
using System.Collections.Generic;
using EncordSpec.Validation;

namespace EncordSpec.Grouping;

/// <summary>Collects object URLs into groups by key, keeping the groups in the order their first member arrived.
/// A group can be taken out early (<see cref="Release"/>) once it is complete; its key is then remembered, as an
/// 8-byte hash rather than a string, so a late member is reported instead of silently starting a second group.</summary>
internal sealed class GroupCollector
{
    private readonly Dictionary<string, PendingGroup> open = new(StringComparer.Ordinal);
    private readonly LinkedList<PendingGroup> inArrivalOrder = new();
    private readonly HashSet<ulong> released = new();
    private long arrivals;

    /// <summary>The open group for <paramref name="key"/>, made with <paramref name="makeTitle"/> when it is new
    /// (<paramref name="created"/> tells which); null when the group was already released.</summary>
    public PendingGroup? GetOrAdd(string key, Func<string> makeTitle, object? input, out bool created)
    {
        created = false;
        if (open.TryGetValue(key, out var group))
            return group;
        if (released.Count > 0 && released.Contains(StringHash64.Of(key)))
            return null;
        group = new PendingGroup(key, makeTitle(), arrivals++) { FirstInput = input };
        group.Node = inArrivalOrder.AddLast(group);
        open.Add(key, group);
        created = true;
        return group;
    }

    /// <summary>Takes a complete group out, so its URLs are no longer held here.</summary>
    public void Release(PendingGroup group)
    {
        if (!open.Remove(group.Key)) return;
        inArrivalOrder.Remove(group.Node!);
        group.Node = null;
        released.Add(StringHash64.Of(group.Key));
    }

    /// <summary>The groups still open, in the order their first member arrived.</summary>
    public IEnumerable<PendingGroup> Groups => inArrivalOrder;

    public int OpenCount => open.Count;
}
