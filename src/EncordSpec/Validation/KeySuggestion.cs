using System;
using System.Collections.Generic;

namespace EncordSpec.Validation;

/// <summary>Finds the known key an unknown one was probably meant to be: image_group for image_groups,
/// skipDuplicateUrls for skip_duplicate_urls, dicom for dicom_series.</summary>
internal static class KeySuggestion
{
    /// <summary>The nearest of <paramref name="known"/>, or null when none is near enough to suggest.</summary>
    public static string? Nearest(string unknown, IEnumerable<string> known)
    {
        string wanted = Normalize(unknown);
        if (wanted.Length == 0) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            string normalized = Normalize(candidate);
            int distance = normalized == wanted ? 0
                : wanted.Length >= 4 && normalized.StartsWith(wanted, StringComparison.Ordinal) ? 1
                : Distance(wanted, normalized);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = wanted.Length <= 4 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or "" when there is nothing to suggest.</summary>
    public static string Hint(string unknown, IEnumerable<string> known) =>
        Nearest(unknown, known) is { } nearest ? $" Did you mean '{nearest}'?" : "";

    /// <summary>Lower case, without the separators people write differently (_ - space).</summary>
    private static string Normalize(string key)
    {
        var chars = new char[key.Length];
        int n = 0;
        foreach (char c in key)
            if (c is not ('_' or '-' or ' '))
                chars[n++] = char.ToLowerInvariant(c);
        return new string(chars, 0, n);
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
