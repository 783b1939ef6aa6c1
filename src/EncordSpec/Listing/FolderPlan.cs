using System;
using System.Collections.Generic;
using System.Linq;

namespace EncordSpec.Listing;

/// <summary>The parts a parallel listing goes on with once its first page came back full, planned from the first page
/// of a one-level listing of its prefix after that page's last key: one part per folder that page shows, so that each request stays inside one folder (a file-system-backed
/// store such as s3rver or MinIO walks every key under the prefix a request names, and Azurite sorts them).
/// <para>A one-level listing cannot be trusted to show every folder (s3rver leaves out folders that hold only folders,
/// and zero-byte placeholders), so the parts are key ranges that together hold every key of the prefix whatever the
/// page showed: each runs from the end of the folder before to the end of its own folder, and asks its first page of
/// the whole prefix from there, so that the keys between two folders (the prefix's own objects, folders the store left
/// out) come with it; as soon as it has reached its folder, it asks for that folder only (<see cref="RangePart.Narrow"/>).
/// After the page's last folder, one part lists the rest: what lies after it, or, when the page was cut short, every
/// key after it, split by key range as it turns out large.</para>
/// <para>Azure's and GCS's one-level listings show every folder, so there the folders' parts ask for their folder
/// only from the first request on, and a gap between two folders is listed only where the page showed objects.</para>
/// <para>Every part ends by name, not by comparing keys (<see cref="KeyRange"/>), and starts after a key that starts
/// with the folder before it (<see cref="KeyOrder.Ceiling"/>): in any order a store may sort by, the keys that start
/// with a folder lie together, so such a start lies among or right after them, and the folder's keys the part lists
/// after it are dropped as another part's. So the parts hold every key once whatever the store's order; only skipping
/// a gap takes our order on trust, and is done only where the two orders Azure and GCS might use agree.</para></summary>
internal static class FolderPlan
{
    public const string Delimiter = "/";

    /// <summary>The parts in key order for the keys after <paramref name="start"/> of the listing of
    /// <paramref name="request"/>, whose one-level page after that key is <paramref name="level"/>;
    /// <paramref name="showsEveryFolder"/> when the store's one-level listings are known to show every folder.</summary>
    public static List<RangePart> Of(CloudListingPage level, CloudListingRequest request, string start, IComparer<string> order,
        bool showsEveryFolder = false)
    {
        // In the order the store listed them, which is its own key order.
        var folders = level.Prefixes
            .Where(f => f.Length > request.Prefix.Length && f.StartsWith(request.Prefix, StringComparison.Ordinal))
            .Where(f => order.Compare(KeyOrder.Ceiling(f, order), start) > 0) // not listed whole already
            .Distinct(StringComparer.Ordinal).ToList();
        // Gaps are skipped by comparing names, so only where the two orders Azure and GCS might use agree on them.
        showsEveryFolder &= KeyOrder.SortsAlike(start) && folders.All(KeyOrder.SortsAlike) && level.Objects.All(o => KeyOrder.SortsAlike(o.Key));
        var parts = new List<RangePart>();
        string after = start;
        string? previous = null;
        foreach (string folder in folders)
        {
            if (showsEveryFolder)
            {
                var gap = new KeyRange(after, folder, before: folder);
                if (Shown(level, gap, order) is > 0 and var shown)
                    parts.Add(new RangePart(gap, request.Prefix, new FolderPartitioner(order))
                    {
                        FirstPageSize = Math.Min(request.PageSize, shown + 1),
                        Excluded = previous is null ? new[] { folder } : new[] { previous, folder },
                    });
                bool startsInside = start.StartsWith(folder, StringComparison.Ordinal);
                parts.Add(new RangePart(new KeyRange(startsInside ? start : null, folder, throughFolder: true), folder, new FolderPartitioner(order)));
                after = KeyOrder.Ceiling(folder, order);
                previous = folder;
                continue;
            }
            // Asks for what the page showed before the folder, and past it a page of the folder and one key more,
            // so that a folder of no more than a page is done in one request.
            var range = new KeyRange(after, folder, throughFolder: true);
            parts.Add(new RangePart(range, request.Prefix, new FolderPartitioner(order))
            {
                FirstPageSize = Shown(level, range, order) + request.PageSize + 1,
                Excluded = Excluded(previous),
            });
            parts[parts.Count - 1].Narrow();
            after = KeyOrder.Ceiling(folder, order);
            previous = folder;
        }
        var rest = new KeyRange(after, null);
        if (showsEveryFolder && level.ContinuationToken is null && Shown(level, rest, order) == 0)
            return parts;
        parts.Add(new RangePart(rest, request.Prefix, new FolderPartitioner(order))
        {
            // Unless the page was cut short, only what it showed there is expected: that and one key more.
            FirstPageSize = level.ContinuationToken is null ? Math.Min(request.PageSize, Shown(level, rest, order) + 1) : null,
            Excluded = Excluded(previous),
        });
        return parts;
    }

    /// <summary>Objects of the page in the range.</summary>
    private static int Shown(CloudListingPage level, KeyRange range, IComparer<string> order) =>
        level.Objects.Count(o => range.Holds(o.Key, order));

    /// <summary>The folder before a part's range: its keys after <see cref="KeyOrder.Ceiling"/> (none in practice)
    /// are its own part's, though they sort into this range.</summary>
    private static IReadOnlyList<string> Excluded(string? previous) => previous is null ? Array.Empty<string>() : new[] { previous };
}
