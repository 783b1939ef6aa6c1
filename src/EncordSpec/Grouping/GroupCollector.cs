using System;
using System.Collections.Generic;

namespace EncordSpec;

/// <summary>Collects object URLs into groups by key, keeping the groups in the order their first member arrived.</summary>
public sealed class GroupCollector
{
    private readonly Dictionary<string, PendingGroup> byKey = new(StringComparer.Ordinal);
    private readonly List<PendingGroup> inArrivalOrder = new();

    /// <summary>The group for <paramref name="key"/>, made with <paramref name="makeTitle"/> when it is new.</summary>
    public PendingGroup GetOrAdd(string key, Func<string> makeTitle, object? input)
    {
        if (!byKey.TryGetValue(key, out var group))
        {
            group = new PendingGroup(key, makeTitle()) { FirstInput = input };
            byKey.Add(key, group);
            inArrivalOrder.Add(group);
        }
        return group;
    }

    public IReadOnlyList<PendingGroup> Groups => inArrivalOrder;
}
