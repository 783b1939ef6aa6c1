using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EncordSpec.Format;
using EncordSpec.Urls;

namespace EncordSpec.Validation;

/// <summary>The checks of each object URL in file order: its own rules (<see cref="ObjectUrlChecker"/>), the
/// per-file URL limit, repeats within its group and repeats anywhere in the file. URLs are remembered as 64-bit
/// hashes only (<see cref="FirstSeenTable"/>: 16-20 bytes per URL in the file, and as much again per URL of the
/// group being read). Runs on one thread at a time (the reader's, or the pipeline's worker).</summary>
internal sealed class UrlChecks
{
    private readonly string? path;
    private readonly ObjectUrlChecker checker;
    private readonly FirstSeenTable urls = new(4096);
    // The current group's URLs; cleared (and shrunk) when the next group starts.
    private readonly FirstSeenTable groupHashes = new(16);
    private readonly List<ItemProblem> problems = new();
    private long currentGroup;

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
        if (request.GroupId != 0)
        {
            if (request.GroupId != currentGroup)
            {
                currentGroup = request.GroupId;
                groupHashes.Clear();
            }
            if (!groupHashes.TryAdd(hash, request.Position.Line, out _))
            {
                findings.Add(Finding(RuleIds.DuplicateUrlInGroup, request,
                    $"The {request.Key} '{Shown(url)}' is already in this group. Remove the repeat: a group lists each file once."));
                return;
            }
        }
        if (!urls.TryAdd(hash, request.Position.Line, out long firstLine))
        {
            string consequence = request.SkipDuplicateUrls
                ? "With skip_duplicate_urls: true the platform skips the repeat."
                : "Unless the spec sets skip_duplicate_urls: true, the platform adds the file twice.";
            findings.Add(Finding(RuleIds.DuplicateUrl, request,
                $"The {request.Key} '{Shown(url)}' already appears at line {firstLine}. {consequence} Remove one of them if that is not intended."));
        }
    }

    private SpecFinding Finding(string ruleId, in UrlCheckRequest request, string message) =>
        new(ruleId, request.Location, request.Position, message, path);

    private static string Shown(ReadOnlySpan<char> url) => ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(url.ToString()));
}
