using System.Collections.Generic;
using System.Linq;
using EncordSpec.Reading;

namespace EncordSpec.Input;

/// <summary>ConvertFrom-EncordSpec | ConvertTo-EncordSpec: the skip_duplicate_urls and upsert_metadata of the specs
/// the items were read from. A flag is carried when every spec that gave items sets it; when they disagree it is not
/// set, with a warning that names the specs, so a merge never quietly changes what the platform does with
/// duplicates.</summary>
internal sealed class CarriedFlags
{
    private readonly List<ReadSpecFlags> specs = new();

    /// <summary>Notes the spec an item came from (once per spec).</summary>
    public void Note(EncordDataItem item)
    {
        if (item.ReadFlags is { } flags && (specs.Count == 0 || !ReferenceEquals(specs[specs.Count - 1], flags)) && !specs.Contains(flags))
            specs.Add(flags);
    }

    public bool Any => specs.Count > 0;

    /// <summary>skip_duplicate_urls to write, or null when no read spec gave items; <paramref name="warning"/>
    /// when the specs disagree.</summary>
    public bool? SkipDuplicateUrls(out string? warning) => Resolve("skip_duplicate_urls", flags => flags.SkipDuplicateUrls, "-SkipDuplicateUrls", out warning);

    /// <summary>upsert_metadata to write, as <see cref="SkipDuplicateUrls"/>.</summary>
    public bool? UpsertMetadata(out string? warning) => Resolve("upsert_metadata", flags => flags.UpsertMetadata, "-UpsertMetadata", out warning);

    private bool? Resolve(string key, System.Func<ReadSpecFlags, bool> flag, string parameter, out string? warning)
    {
        warning = null;
        var known = specs.Where(spec => spec.Known).ToList();
        if (known.Count == 0)
            return null;
        var setting = known.Where(flag).ToList();
        if (setting.Count == 0 || setting.Count == known.Count)
            return setting.Count > 0;
        var notSetting = known.Where(spec => !flag(spec));
        warning = $"{Names(setting)} set{(setting.Count == 1 ? "s" : "")} {key}, {Names(notSetting)} not: the spec written does not set it. " +
                  $"Give {parameter} to set it, or {parameter}:$false to say so and leave out this warning.";
        return false;
    }

    private static string Names(IEnumerable<ReadSpecFlags> specs) =>
        string.Join(", ", specs.Select(spec => spec.Path is null ? "the -Spec text" : System.IO.Path.GetFileName(spec.Path)));
}
