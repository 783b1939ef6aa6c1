using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EncordSpec.Format;
using EncordSpec.Urls;

namespace EncordSpec.Validation;

/// <summary>The checks of each object URL in file order: its own rules (<see cref="ObjectUrlChecker"/>), the
/// per-file URL limit, repeats within its group and repeats anywhere in the file. URLs are remembered as 64-bit
/// hashes only (<see cref="FirstSeenTable"/>: 16-32 bytes per URL in the file). The file's table also tells a repeat
/// within a group, by the line it was first seen on, when the group starts on a line after every earlier URL (a
/// formatted spec, or a group that is the first thing with URLs); only a group that shares its first line with
/// earlier URLs (several groups on one line) keeps a table of all its URLs, as much again per URL of the group;
/// another keeps only those it repeats from earlier items.
/// Runs on one thread at a time (the reader's, or the pipeline's worker).</summary>
internal sealed class UrlChecks
{
    private readonly string? path;
    private readonly ObjectUrlChecker checker;
    private readonly FirstSeenTable urls = new(4096);
    // The current group's URLs when the file's table cannot tell (see above); cleared (and shrunk) when the next group starts.
    private readonly FirstSeenTable groupHashes = new(16);
    private readonly List<ItemProblem> problems = new();
    private long currentGroup;
    private long groupFirstLine;
    private bool groupNeedsOwnTable;
    private long lastNewUrlLine; // every URL in the file's table was first seen on this line or before

    /// <summary>The hashes the current group keeps besides the file's table: all of its URLs when it shares its first
    /// line with earlier URLs, else only those it repeats from earlier items.</summary>
    public long GroupHashesKept => groupHashes.Count;

    public UrlChecks(string? path, IntegrationKind integration = IntegrationKind.Standard)
    {
        this.path = path;
        checker = new ObjectUrlChecker(integration);
    }

    public long ObjectUrls { get; private set; }

    /// <summary>Checks one URL and adds its findings to <paramref name="findings"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Check(ReadOnlySpan<char> url, in UrlCheckRequest request, List<SpecFinding> findings)
    {
        if (++ObjectUrls == SpecLimits.MaxObjectUrlsPerFile + 1)
            findings.Add(Finding(RuleIds.TooManyUrls, request,
                $"This is object URL number {ObjectUrls:N0}; the platform accepts at most {SpecLimits.MaxObjectUrlsPerFile:N0} per file. Split the spec into several files."));

        problems.Clear();
        bool real = checker.Check(url, request.Key, request.Section, problems);
        foreach (var problem in problems)
            findings.Add(Finding(problem.RuleId, request, problem.Message));
        if (!real || url.Length == 0)
            return;

        ulong hash = StringHash64.Of(url);
        long line = request.Position.Line;
        if (request.GroupId != 0)
        {
            if (request.GroupId != currentGroup)
            {
                currentGroup = request.GroupId;
                groupHashes.Clear();
                groupFirstLine = line;
                // Lines past int.MaxValue are kept as int.MaxValue in the table, so they cannot tell either.
                groupNeedsOwnTable = lastNewUrlLine >= line || line >= int.MaxValue;
            }
            if (groupNeedsOwnTable && !groupHashes.TryAdd(hash, line, out _))
            {
                ReportRepeatInGroup(url, request, findings);
                return;
            }
        }
        if (urls.TryAdd(hash, line, out long firstLine))
        {
            lastNewUrlLine = line;
        }
        else if (request.GroupId != 0 && !groupNeedsOwnTable && (firstLine >= groupFirstLine || !groupHashes.TryAdd(hash, line, out _)))
        {
            // First seen since the group began, or a repeat of an earlier item's URL that this group has had already
            // (the group's table holds only those, normally none).
            ReportRepeatInGroup(url, request, findings);
        }
        else
        {
            string consequence = request.SkipDuplicateUrls
                ? "With skip_duplicate_urls: true the platform skips the repeat."
                : "Unless the spec sets skip_duplicate_urls: true, the platform adds the file twice.";
            findings.Add(Finding(RuleIds.DuplicateUrl, request,
                $"The {request.Key} '{Shown(url)}' already appears at line {firstLine}. {consequence} Remove one of them if that is not intended."));
        }
    }

    private void ReportRepeatInGroup(ReadOnlySpan<char> url, in UrlCheckRequest request, List<SpecFinding> findings) =>
        findings.Add(Finding(RuleIds.DuplicateUrlInGroup, request,
            $"The {request.Key} '{Shown(url)}' is already in this group. Remove the repeat: a group lists each file once."));

    private SpecFinding Finding(string ruleId, in UrlCheckRequest request, string message) =>
        new(ruleId, request.Location, request.Position, message, path);

    private static string Shown(ReadOnlySpan<char> url) => ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(url.ToString()));
}
