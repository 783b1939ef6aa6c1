using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EncordSpec.Format;

namespace EncordSpec.Validation;

/// <summary>The checks that span a whole spec file, for the JSON and the CSV reader alike: delivering and counting
/// findings, counting items against the platform's limit, object URLs (<see cref="UrlChecks"/>, on a second thread
/// for large specs that are only checked) and group titles. URLs and titles are remembered as 64-bit hashes only
/// (<see cref="FirstSeenTable"/>: 16-32 bytes each). Findings reach <c>onFinding</c> on the reader's thread, in file order.
/// It knows nothing of file formats: the readers (EncordSpec.Reading) call it, never the other way round.</summary>
internal sealed class SpecCheckContext : IDisposable
{
    private readonly Action<SpecFinding> onFinding;
    private readonly Action<long>? progress;
    private readonly UrlChecks urlChecks;
    private readonly UrlCheckPipeline? pipeline;
    private readonly List<SpecFinding> urlFindings = new();
    private readonly Action<SpecFinding> deliver;
    private readonly FirstSeenTable titles = new(256);
    private long lastGroupId;

    /// <param name="path">The spec's file path, named in findings; null for a spec given as text.</param>
    /// <param name="onFinding">Receives each finding, in file order.</param>
    /// <param name="progress">Called after each item with the number of items so far; may be null.</param>
    /// <param name="checkUrlsOnSecondThread">Run the URL checks on a second thread (see <see cref="UrlCheckPipeline"/>);
    /// only when no items are built, since items must come out between the findings in file order.</param>
    /// <param name="integration">The integration the spec is for (<see cref="IntegrationRules"/>).</param>
    public SpecCheckContext(string? path, Action<SpecFinding> onFinding, Action<long>? progress, bool checkUrlsOnSecondThread,
        IntegrationKind integration = IntegrationKind.Standard)
    {
        Path = path;
        this.onFinding = onFinding;
        this.progress = progress;
        Integration = integration;
        urlChecks = new UrlChecks(path, integration);
        deliver = Deliver;
        if (checkUrlsOnSecondThread)
            pipeline = new UrlCheckPipeline(urlChecks);
    }

    public string? Path { get; }

    /// <summary>The integration the spec is for.</summary>
    public IntegrationKind Integration { get; }

    /// <summary>Whether the integration needs media metadata on single items (strict client-only access).</summary>
    public bool RequiresMediaMetadata => IntegrationRules.RequiresMediaMetadata(Integration);

    /// <summary>Under strict client-only access, reports a single item of a section with media metadata that has none
    /// (an item that has some is checked field by field as it is read).</summary>
    public void CheckMediaMetadataGiven(SpecSection section, bool given, string location, TextPosition position, string itemName)
    {
        if (!given && IntegrationRules.CheckMediaMetadata(section, null, itemName, Integration) is { } missing)
            Report(missing.RuleId, location, position, missing.Message);
    }
    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public long Items { get; private set; }

    /// <summary>The object URLs checked; complete after <see cref="Flush"/>.</summary>
    public long ObjectUrls => urlChecks.ObjectUrls;

    /// <summary>True once a spec has said skip_duplicate_urls: true (JSON only); duplicate messages mention it.</summary>
    public bool SkipDuplicateUrls { get; set; }

    /// <summary>True when a spec says upsert_metadata: true (JSON only).</summary>
    public bool UpsertMetadata { get; set; }

    /// <summary>Reports a finding of the reader's own (after the URL findings of earlier places).</summary>
    public void Report(string ruleId, string location, TextPosition position, string message)
    {
        pipeline?.Flush(deliver);
        Deliver(new SpecFinding(ruleId, location, position, message, Path));
    }

    private void Deliver(SpecFinding finding)
    {
        if (finding.Severity == FindingSeverity.Error) Errors++;
        else Warnings++;
        onFinding(finding);
    }

    /// <summary>Delivers what is still being checked; call once at the end of the spec.</summary>
    public void Flush() => pipeline?.Flush(deliver);

    public void Dispose() => pipeline?.Dispose();

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
    [MethodImpl(HotPath.Optimized)]
    public void CountItem(ItemLocation where, TextPosition position)
    {
        if (++Items == SpecLimits.MaxItemsPerFile + 1)
            Report(RuleIds.TooManyItems, where.ToString(), position,
                $"This is item number {Items:N0}; the platform accepts at most {SpecLimits.MaxItemsPerFile:N0} items per file. " +
                "Split the spec into several files (for example with ConvertFrom-EncordSpec, Select-Object -Skip/-First and ConvertTo-EncordSpec).");
        progress?.Invoke(Items);
    }

    /// <summary>A new group's id, for <see cref="CheckObjectUrl"/> (0 stands for single items).</summary>
    public long NewGroup() => ++lastGroupId;

    /// <summary>Checks one object URL (see <see cref="UrlChecks"/>).</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="key">The key it is under, for messages and the location.</param>
    /// <param name="section">The section it belongs to, for the file type check; null to skip that check.</param>
    /// <param name="where">The item or row.</param>
    /// <param name="position">Where the URL's value starts.</param>
    /// <param name="groupId">The group's id from <see cref="NewGroup"/>, or 0 for single items.</param>
    [MethodImpl(HotPath.Optimized)]
    public void CheckObjectUrl(ReadOnlySpan<char> url, UrlKey key, SpecSection? section, ItemLocation where, TextPosition position, long groupId)
    {
        var request = new UrlCheckRequest(key, section, where, position, groupId, SkipDuplicateUrls);
        if (pipeline is not null)
        {
            if (pipeline.Takes(url))
            {
                pipeline.Add(url, request, deliver);
                return;
            }
            // A URL too long to queue is checked here rather than copied: once the queue is done, the worker is idle.
            pipeline.Flush(deliver);
        }
        urlChecks.Check(url, request, urlFindings);
        if (urlFindings.Count == 0) return;
        foreach (var finding in urlFindings)
            Deliver(finding);
        urlFindings.Clear();
    }

    /// <summary>Remembers a group title. False when it was seen before, with the line of its first use.</summary>
    public bool RememberTitle(ReadOnlySpan<char> title, long line, out long firstLine) =>
        titles.TryAdd(StringHash64.Of(title), line, out firstLine);

    /// <summary>Remembers a group title; a repeat is a warning naming the first one's line.</summary>
    public void CheckGroupTitle(ReadOnlySpan<char> title, ItemLocation where, TextPosition position, string kind)
    {
        if (!RememberTitle(title, position.Line, out long firstLine))
            Report(RuleIds.DuplicateTitle, where.LocationOf(SpecKeys.Title), position,
                $"The title '{(title.Length <= 200 ? title.ToString() : title.Slice(0, 200).ToString() + "...")}' is already used by the {kind} at line {firstLine}. Give each group its own title, or the dataset will hold two items of that name.");
    }
}
