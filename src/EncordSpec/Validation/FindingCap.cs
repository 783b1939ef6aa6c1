using System.Collections.Generic;
using System.Linq;

namespace EncordSpec.Validation;

/// <summary>Lets through the first findings of each rule and counts the rest, so a hostile spec (a million duplicate
/// keys) gives a readable report instead of hundreds of megabytes of errors. The counts of errors and warnings, and so
/// whether a spec passes, are not affected: only what is shown.</summary>
internal sealed class FindingCap
{
    /// <summary>Findings shown per rule unless -MaxFindings says otherwise.</summary>
    public const int DefaultPerRule = 100;

    private readonly int perRule;
    private readonly Dictionary<string, long> seen = new();

    /// <param name="perRule">Findings shown per rule; 0 shows every finding.</param>
    public FindingCap(int perRule) => this.perRule = perRule;

    /// <summary>Counts the finding, and says whether it is shown.</summary>
    public bool Admit(SpecFinding finding)
    {
        seen.TryGetValue(finding.RuleId, out long count);
        seen[finding.RuleId] = ++count;
        return perRule == 0 || count <= perRule;
    }

    /// <summary>One closing line per rule that had findings left out, in rule id order; then starts afresh (the next
    /// spec file gets its own cap).</summary>
    public IReadOnlyList<string> Summaries(string? path)
    {
        string file = path is null ? "the -Spec text" : System.IO.Path.GetFileName(path);
        var lines = seen.Where(rule => perRule > 0 && rule.Value > perRule).OrderBy(rule => rule.Key, System.StringComparer.Ordinal)
            .Select(rule => $"{file}: {rule.Value - perRule:N0} more {rule.Key} finding(s) not shown ({rule.Value:N0} in all; " +
                            $"the first {perRule:N0} of each rule are shown). Use -MaxFindings to show more, or -MaxFindings 0 for all.")
            .ToList();
        seen.Clear();
        return lines;
    }
}
