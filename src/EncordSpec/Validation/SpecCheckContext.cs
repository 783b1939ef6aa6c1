using System.Runtime.CompilerServices;
using System;
using System.Collections.Generic;

namespace EncordSpec;

/// <summary>The checks that span a whole spec file, shared by the JSON and the CSV reader: counting findings,
/// items and URLs against the platform's limits, URL checks with duplicate detection, and group titles.
/// Memory stays flat: URLs and titles are remembered as 64-bit hashes only.</summary>
internal sealed class SpecCheckContext
{
    private readonly ISpecReadListener listener;
    private readonly FirstSeenTable urls = new(4096);
    private readonly FirstSeenTable titles = new(256);
    private readonly List<ItemProblem> problems = new();
    private readonly ObjectUrlChecker urlChecker = new();

    public SpecCheckContext(SpecReadOptions options, ISpecReadListener listener)
    {
        Options = options;
        this.listener = listener;
    }

    public SpecReadOptions Options { get; }
    public string? Path => Options.Path;
    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public long Items { get; private set; }
    public long ObjectUrls { get; private set; }

    /// <summary>True once a spec has said skip_duplicate_urls: true (JSON only); duplicate messages mention it.</summary>
    public bool SkipDuplicateUrls { get; set; }

    /// <summary>True when a spec says upsert_metadata: true (JSON only).</summary>
    public bool UpsertMetadata { get; set; }

    public void Report(string ruleId, string location, TextPosition position, string message)
    {
        var finding = new SpecFinding(ruleId, location, position, message, Path);
        if (finding.Severity == FindingSeverity.Error) Errors++;
        else Warnings++;
        listener.OnFinding(finding);
    }

    public SpecReadSummary Summary() => new(Errors, Warnings, Items, ObjectUrls, SkipDuplicateUrls, UpsertMetadata);

    /// <summary>The file name limit; checked first.</summary>
    public void CheckFileName()
    {
        if (Path is null) return;
        string name = System.IO.Path.GetFileName(Path);
        if (name.Length > SpecLimits.MaxFileNameLength)
            Report(RuleIds.FileNameTooLong, "", TextPosition.None,
                $"The file name is {name.Length} characters long; the platform accepts at most {SpecLimits.MaxFileNameLength}. Rename the file.");
    }

    /// <summary>Counts one item (named by <paramref name="place"/> only if it is over the limit); past the platform's
    /// limit, says so once.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void CountItem(IFindingPlace place, TextPosition position)
    {
        if (++Items == SpecLimits.MaxItemsPerFile + 1)
            Report(RuleIds.TooManyItems, place.LocationOf(null), position,
                $"This is item number {Items:N0}; the platform accepts at most {SpecLimits.MaxItemsPerFile:N0} items per file. " +
                "Split the spec into several files (for example with ConvertFrom-EncordSpec, Select-Object -Skip/-First and ConvertTo-EncordSpec).");
        Options.Progress?.Invoke(Items);
    }

    /// <summary>Checks one object URL: its own rules, the per-file URL limit, repeats within its group (when
    /// <paramref name="groupHashes"/> is given) and repeats anywhere else in the file.</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="key">The key it is under, for messages and the location.</param>
    /// <param name="section">The section it belongs to, for the file type check; null to skip that check.</param>
    /// <param name="place">The item or row, which names the location when there is a finding.</param>
    /// <param name="position">Where the URL's value starts.</param>
    /// <param name="groupHashes">The hashes of the URLs of the group so far, or null for single items.</param>
    [MethodImpl(HotPath.Optimized)]
    public void CheckObjectUrl(ReadOnlySpan<char> url, UrlKey key, SpecSection? section, IFindingPlace place, TextPosition position, HashSet<ulong>? groupHashes)
    {
        if (++ObjectUrls == SpecLimits.MaxObjectUrlsPerFile + 1)
            Report(RuleIds.TooManyUrls, place.LocationOf(key.ToString()), position,
                $"This is object URL number {ObjectUrls:N0}; the platform accepts at most {SpecLimits.MaxObjectUrlsPerFile:N0} per file. Split the spec into several files.");

        problems.Clear();
        bool real = urlChecker.Check(url, key, section, problems);
        foreach (var problem in problems)
            Report(problem.RuleId, place.LocationOf(key.ToString()), position, problem.Message);
        if (!real || url.Length == 0)
            return;

        ulong hash = StringHash64.Of(url);
        if (groupHashes is not null && !groupHashes.Add(hash))
        {
            Report(RuleIds.DuplicateUrlInGroup, place.LocationOf(key.ToString()), position,
                $"The {key} '{ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(url.ToString()))}' is already in this group. Remove the repeat: a group lists each file once.");
            return;
        }
        if (!urls.TryAdd(hash, position.Line, out long firstLine))
        {
            string consequence = SkipDuplicateUrls
                ? "With skip_duplicate_urls: true the platform skips the repeat."
                : "Unless the spec sets skip_duplicate_urls: true, the platform adds the file twice.";
            Report(RuleIds.DuplicateUrl, place.LocationOf(key.ToString()), position,
                $"The {key} '{ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(url.ToString()))}' already appears at line {firstLine}. {consequence} Remove one of them if that is not intended.");
        }
    }

    /// <summary>The file type of a URL by its extension (remembered for the last extension seen).</summary>
    public DataType TypeOf(string url) => urlChecker.TypeOf(url.AsSpan());

    /// <summary>Remembers a group title. False when it was seen before, with the line of its first use.</summary>
    public bool RememberTitle(ReadOnlySpan<char> title, long line, out long firstLine) =>
        titles.TryAdd(StringHash64.Of(title), line, out firstLine);

    /// <summary>Remembers a group title; a repeat is a warning naming the first one's line.</summary>
    public void CheckGroupTitle(ReadOnlySpan<char> title, IFindingPlace place, TextPosition position, string kind)
    {
        if (!RememberTitle(title, position.Line, out long firstLine))
            Report(RuleIds.DuplicateTitle, place.LocationOf(SpecKeys.Title), position,
                $"The title '{title.ToString()}' is already used by the {kind} at line {firstLine}. Give each group its own title, or the dataset will hold two items of that name.");
    }
}
