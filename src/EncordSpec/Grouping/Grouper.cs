using System;
using System.Collections.Generic;
using EncordSpec.Format;
using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>Sorts pipeline inputs into groups the way New-EncordImageGroup and New-EncordDicomSeries do: each input
/// is checked (a URL of the right kind), keyed by the grouping mode's <see cref="GroupingStrategy"/> and added to its
/// group once. Groups come back complete, with unique titles and their URLs in order: early when the strategy proves
/// them complete, the rest from <see cref="Finish"/>.</summary>
internal sealed class Grouper
{
    private readonly GroupingStrategy strategy;
    private readonly GroupMembers members;
    private readonly bool naturalSort;
    private readonly Func<object, string?>? urlOf;
    private readonly PropertySelector? urlProperty;
    private readonly GroupCollector collector = new();
    private readonly UniqueTitles titles = new();

    /// <param name="strategy">The grouping mode.</param>
    /// <param name="members">What the groups may hold.</param>
    /// <param name="naturalSort">Orders each group's URLs by a natural sort of their paths; false keeps arrival order.</param>
    /// <param name="urlProperty">-UrlProperty, for messages; null for ObjectUrl or Url.</param>
    /// <param name="urlOf">Reads an object's URL as -UrlProperty says (<see cref="ObjectUrlInput.Selector"/>).</param>
    public Grouper(GroupingStrategy strategy, GroupMembers members, bool naturalSort, PropertySelector? urlProperty = null, Func<object, string?>? urlOf = null)
    {
        this.strategy = strategy;
        this.members = members;
        this.naturalSort = naturalSort;
        this.urlProperty = urlProperty;
        this.urlOf = urlOf;
    }

    /// <summary>Inputs that joined a group so far.</summary>
    public long Added { get; private set; }

    /// <summary>Inputs skipped with a warning because the group cannot hold them.</summary>
    public long Skipped { get; private set; }

    /// <summary>Adds one pipeline input (a URL string or an object with an ObjectUrl property).</summary>
    public GroupingStep Add(object? element)
    {
        if (IgnoredInput.IsBlankOrComment(element))
            return GroupingStep.Ignored;
        if (!ObjectUrlInput.TryFrom(element, urlOf, urlProperty, out var input, out var failed))
            return GroupingStep.LeftOut(failed!);
        if (input is null)
            return GroupingStep.LeftOut(new InputProblem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(element, urlProperty)}; pass object URLs as strings or objects with an ObjectUrl property" +
                (urlProperty is null ? " (or name the URL's property with -UrlProperty)." : "."),
                element));
        if (SpecItemRules.CheckUrl(input.ObjectUrl, "object URL") is { } invalid)
            return GroupingStep.LeftOut(InputProblem.Of(invalid, input.ObjectUrl));
        if (members.Check(input) is { } notMember)
        {
            Skipped++;
            return GroupingStep.Skip(notMember);
        }
        if (members.Problem(input) is { } refused)
            return GroupingStep.LeftOut(InputProblem.Of(refused, input.ObjectUrl));

        var completed = Complete(strategy.CompletedBefore(input));
        if (!strategy.TryGetKey(input, out string key, out var keyProblem))
            return GroupingStep.LeftOut(keyProblem!, completed);
        if (!collector.TryGetOpen(key, out var group))
        {
            if (collector.WasReleased(key))
                return GroupingStep.LeftOut(new InputProblem("FolderGroupAlreadyWritten",
                    $"'{SignedUrlDetector.QueryHidden(input.ObjectUrl)}' came after its folder's group was written: the listing's objects were re-ordered or " +
                    "repeated on the way. Pipe Get-CloudObject straight into New-EncordImageGroup, or sort the objects by Key first.",
                    input.ObjectUrl, System.Management.Automation.ErrorCategory.InvalidOperation), completed);
            group = collector.Open(key, strategy.TitleFor(input, key, titles));
            strategy.Opened(group, input);
        }
        if (!group.TryAdd(input.ObjectUrl))
            return GroupingStep.LeftOut(new InputProblem(RuleIds.DuplicateUrlInGroup,
                $"The object URL '{SignedUrlDetector.QueryHidden(input.ObjectUrl)}' is already in the group '{group.Title}'; it is added once.", input.ObjectUrl), completed);
        Added++;
        return GroupingStep.Joined(completed);
    }

    /// <summary>The groups still open once the input has ended, in the order their first member arrived. Each is let go
    /// of as it is handed out, so only one group's ordered URLs are held at a time.</summary>
    public IEnumerable<CompletedGroup> Finish()
    {
        strategy.FinishTitles(collector.OpenGroups, titles);
        while (collector.Oldest is { } group)
            yield return Complete(group);
    }

    private CompletedGroup[]? Complete(IReadOnlyList<PendingGroup> groups)
    {
        if (groups.Count == 0)
            return null;
        var completed = new CompletedGroup[groups.Count];
        for (int i = 0; i < completed.Length; i++)
            completed[i] = Complete(groups[i]);
        return completed;
    }

    /// <summary>Takes the group out of the collector: its URLs, ordered, now belong to the caller.</summary>
    private CompletedGroup Complete(PendingGroup group)
    {
        collector.Release(group);
        return new CompletedGroup(group.Title, group.OrderedUrls(naturalSort));
    }
}
