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

    /// <summary>Counts one item; past the platform's limit, says so once.</summary>
    public void CountItem(string location, TextPosition position)
    {
        if (++Items == SpecLimits.MaxItemsPerFile + 1)
            Report(RuleIds.TooManyItems, location, position,
                $"This is item number {Items:N0}; the platform accepts at most {SpecLimits.MaxItemsPerFile:N0} items per file. " +
                "Split the spec into several files (for example with ConvertFrom-EncordSpec, Select-Object -Skip/-First and ConvertTo-EncordSpec).");
        Options.Progress?.Invoke(Items);
    }

    /// <summary>Checks one object URL: its own rules, the per-file URL limit, repeats within its group (when
    /// <paramref name="groupHashes"/> is given) and repeats anywhere else in the file.</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="key">Names the URL in messages (objectUrl, objectUrl_3, ObjectUrl).</param>
    /// <param name="section">The section it belongs to, for the file type check; null to skip that check.</param>
    /// <param name="location">The finding location, such as image_groups[2].objectUrl_3.</param>
    /// <param name="position">Where the URL's value starts.</param>
    /// <param name="groupHashes">The hashes of the URLs of the group so far, or null for single items.</param>
    public void CheckObjectUrl(string url, string key, SpecSection? section, string location, TextPosition position, HashSet<ulong>? groupHashes)
    {
        if (++ObjectUrls == SpecLimits.MaxObjectUrlsPerFile + 1)
            Report(RuleIds.TooManyUrls, location, position,
                $"This is object URL number {ObjectUrls:N0}; the platform accepts at most {SpecLimits.MaxObjectUrlsPerFile:N0} per file. Split the spec into several files.");

        problems.Clear();
        bool real = ObjectUrlChecks.Check(url, key, section, problems);
        foreach (var problem in problems)
            Report(problem.RuleId, location, position, problem.Message);
        if (!real || url.Length == 0)
            return;

        ulong hash = StringHash64.Of(url);
        if (groupHashes is not null && !groupHashes.Add(hash))
        {
            Report(RuleIds.DuplicateUrlInGroup, location, position,
                $"The {key} '{ObjectUrlChecks.Shown(SignedUrlDetector.WithoutQuery(url))}' is already in this group. Remove the repeat: a group lists each file once.");
            return;
        }
        if (!urls.TryAdd(hash, position.Line, out long firstLine))
        {
            string consequence = SkipDuplicateUrls
                ? "With skip_duplicate_urls: true the platform skips the repeat."
                : "Unless the spec sets skip_duplicate_urls: true, the platform adds the file twice.";
            Report(RuleIds.DuplicateUrl, location, position,
                $"The {key} '{ObjectUrlChecks.Shown(SignedUrlDetector.WithoutQuery(url))}' already appears at line {firstLine}. {consequence} Remove one of them if that is not intended.");
        }
    }

    /// <summary>Remembers a group title. False when it was seen before, with the line of its first use.</summary>
    public bool RememberTitle(string title, long line, out long firstLine) =>
        titles.TryAdd(StringHash64.Of(title), line, out firstLine);

    /// <summary>Remembers a group title; a repeat is a warning naming the first one's line.</summary>
    public void CheckGroupTitle(string title, string location, TextPosition position, string kind)
    {
        if (!RememberTitle(title, position.Line, out long firstLine))
            Report(RuleIds.DuplicateTitle, location, position,
                $"The title '{title}' is already used by the {kind} at line {firstLine}. Give each group its own title, or the dataset will hold two items of that name.");
    }
}
