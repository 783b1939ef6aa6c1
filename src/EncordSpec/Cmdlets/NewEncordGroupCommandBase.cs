using System;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;

namespace EncordSpec.Cmdlets;

/// <summary>What New-EncordImageGroup and New-EncordDicomSeries share: taking object URLs from the pipeline,
/// grouping them (one group by -Title, or one per -GroupBy key), ordering, and the errors for bad items.</summary>
public abstract class NewEncordGroupCommandBase : PSCmdlet
{
    protected const string TitleSet = "Title";
    protected const string GroupBySet = "GroupBy";

    private readonly GroupCollector collector = new();
    private readonly UniqueTitles titles = new();
    private OrderedDictionary? metadata;
    private ProgressReporter? progress;
    private long received;

    /// <summary>An object URL: a string, or any object with an ObjectUrl (or Url) property.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TitleSet)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = GroupBySet)]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public GroupByArgument? GroupBy { get; set; }

    [Parameter(ParameterSetName = GroupBySet)]
    public string TitlePrefix { get; set; } = "";

    [Parameter]
    public SwitchParameter NoSort { get; set; }

    [Parameter]
    public object? ClientMetadata { get; set; }

    /// <summary>"image" or "DICOM file", for messages.</summary>
    protected abstract string MemberNoun { get; }

    /// <summary>The error id and message when a URL is not of the group's kind, or null when it is.</summary>
    protected abstract ItemProblem? CheckMemberType(ObjectUrlInput input);

    protected abstract EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata);

    protected override void BeginProcessing()
    {
        if (ClientMetadata is not null)
        {
            try
            {
                metadata = JsonValueNormalizer.ToJsonObject(ClientMetadata);
            }
            catch (ClientMetadataException e)
            {
                ThrowTerminatingError(ErrorRecords.Terminating(RuleIds.ClientMetadataNotObject,
                    "-ClientMetadata: " + e.Message, ErrorCategory.InvalidArgument, ClientMetadata));
            }
        }
        progress = new ProgressReporter(this, 1, MyInvocation.MyCommand.Name);
    }

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
            Add(element);
    }

    private void Add(object? element)
    {
        var input = ObjectUrlInput.From(element);
        if (input is null)
        {
            WriteError(ErrorRecords.ForItem(RuleIds.ObjectUrlMissing,
                $"The input is {ObjectUrlInput.Describe(element)}; pass object URLs as strings or objects with an ObjectUrl property.",
                element));
            return;
        }
        var problem = SpecItemRules.CheckUrl(input.ObjectUrl, "object URL") ?? CheckMemberType(input);
        if (problem is not null)
        {
            WriteError(ErrorRecords.ForProblem(problem, input.ObjectUrl));
            return;
        }

        var group = FindGroup(input);
        if (group is null)
            return;
        if (!group.TryAdd(input.ObjectUrl))
        {
            WriteError(ErrorRecords.ForItem(RuleIds.DuplicateUrlInGroup,
                $"The object URL '{input.ObjectUrl}' is already in the group '{group.Title}'; it is added once.", input.ObjectUrl));
            return;
        }
        progress!.Report(++received, MemberNoun + "s grouped");
    }

    /// <summary>The group the input belongs to, or null when its key could not be computed (an error was written).</summary>
    private PendingGroup? FindGroup(ObjectUrlInput input)
    {
        if (GroupBy is null)
            return collector.GetOrAdd("", () => titles.Reserve(Title), input.Source);
        if (GroupBy.IsFolder)
        {
            // The folder's URL identifies it cheaply; its decoded name is worked out once, for a new group.
            return collector.GetOrAdd(ObjectUrlPath.GetFolderUrl(input.ObjectUrl), () =>
            {
                var folder = FolderGroupKey.Of(input);
                return titles.Reserve(TitlePrefix + folder.Name, TitlePrefix + folder.Path);
            }, input.Source);
        }

        string? key = InvokeKeySelector(input);
        return key is null ? null : collector.GetOrAdd(key, () => titles.Reserve(TitlePrefix + key), input.Source);
    }

    private string? InvokeKeySelector(ObjectUrlInput input)
    {
        Collection<PSObject> result;
        try
        {
            result = GroupBy!.KeySelector!.InvokeWithContext(null,
                new System.Collections.Generic.List<PSVariable> { new("_", input.Source) });
        }
        catch (RuntimeException e)
        {
            WriteError(ErrorRecords.ForItem("GroupByScriptFailed",
                $"-GroupBy failed for '{input.ObjectUrl}': {e.Message}", input.ObjectUrl, ErrorCategory.InvalidResult));
            return null;
        }
        string key = string.Join("", result.Where(o => o is not null).Select(o => o.ToString()));
        if (key.Length == 0)
        {
            WriteError(ErrorRecords.ForItem("GroupByKeyEmpty",
                $"-GroupBy returned no key for '{input.ObjectUrl}', so it belongs to no group.", input.ObjectUrl, ErrorCategory.InvalidResult));
            return null;
        }
        return key;
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        if (collector.Groups.Count == 0 && GroupBy is null)
            WriteWarning($"No {MemberNoun}s came in, so no group '{Title}' was made.");

        foreach (var pending in collector.Groups)
        {
            var group = CreateGroup(pending.Title, pending.OrderedUrls(naturalSort: !NoSort), metadata);
            var problem = SpecItemRules.Check(group);
            if (problem is not null)
                WriteError(ErrorRecords.ForProblem(problem, group));
            else
                WriteObject(group);
        }
    }

    /// <summary>Offers "Folder" for -GroupBy.</summary>
    public sealed class GroupByCompleter : IArgumentCompleter
    {
        public System.Collections.Generic.IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, System.Management.Automation.Language.CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters)
        {
            if (GroupByArgument.FolderKeyword.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(GroupByArgument.FolderKeyword, GroupByArgument.FolderKeyword,
                    CompletionResultType.ParameterValue, "One group per folder, titled by the folder's name");
        }
    }
}
