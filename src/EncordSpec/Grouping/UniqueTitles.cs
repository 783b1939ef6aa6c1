using System;
using System.Collections.Generic;
using System.Globalization;

namespace EncordSpec.Grouping;

/// <summary>Hands out group titles so that no two groups of one run share a title: the platform would keep
/// both, and users could not tell them apart. The first candidate still free wins; failing all, the last
/// candidate gets a " (2)", " (3)" ... suffix.</summary>
internal sealed class UniqueTitles
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public string Reserve(params string[] candidates)
    {
        foreach (string candidate in candidates)
            if (used.Add(candidate))
                return candidate;
        string last = candidates[candidates.Length - 1];
        for (int n = 2; ; n++)
        {
            string numbered = last + " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            if (used.Add(numbered))
                return numbered;
        }
    }
}
