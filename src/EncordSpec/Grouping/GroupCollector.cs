using System;
using System.Collections.Generic;

namespace EncordSpec.Grouping;

/// <summary>Collects object URLs into groups by key, keeping the groups in the order their first member arrived.
/// A group can be taken out early (<see cref="Release"/>) once it is complete; its key is then remembered, so a late
/// member is reported instead of silently starting a second group.</summary>
internal sealed class GroupCollector
{
    private readonly Dictionary<string, PendingGroup> open = new(StringComparer.Ordinal);
    private readonly LinkedList<PendingGroup> inArrivalOrder = new();
    private readonly HashSet<string> released = new(StringComparer.Ordinal);
    private long arrivals;

    /// <summary>The open group for <paramref name="key"/>, if there is one.</summary>
    public bool TryGetOpen(string key, out PendingGroup group) => open.TryGetValue(key, out group!);

    /// <summary>True when the group for <paramref name="key"/> was released: it cannot be opened again.</summary>
    public bool WasReleased(string key) => released.Contains(key);

    /// <summary>Opens the group for a key that has no open group and was never released.</summary>
    public PendingGroup Open(string key, string title)
    {
        var group = new PendingGroup(key, title, arrivals++);
        group.Node = inArrivalOrder.AddLast(group);
        open.Add(key, group);
        return group;
    }

    /// <summary>Takes a complete group out, so its URLs are no longer held here.</summary>
    public void Release(PendingGroup group)
    {
        if (!open.Remove(group.Key)) return;
        inArrivalOrder.Remove(group.Node!);
        group.Node = null;
        released.Add(group.Key);
    }

    /// <summary>The open groups, in the order their first member arrived.</summary>
    public IEnumerable<PendingGroup> OpenGroups => inArrivalOrder;

    /// <summary>The open group whose first member arrived first; null when no group is open.</summary>
    public PendingGroup? Oldest => inArrivalOrder.First?.Value;
}
