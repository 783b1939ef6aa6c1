using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using EncordSpec.Grouping;
using EncordSpec.Input;
using EncordSpec.Format;
using EncordSpec.Metadata;

namespace EncordSpec.Cmdlets;

/// <summary>What New-EncordImageGroup and New-EncordDicomSeries share: taking object URLs from the pipeline,
/// grouping them (one group by -Title, or one per -GroupBy key), ordering, and the errors for bad items.</summary>
public abstract class NewEncordGroupCommandBase : PSCmdlet
{
    protected const string TitleSet = "Title";
    protected const string GroupBySet = "GroupBy";

    private Grouper? grouper;
    private OrderedDictionary? metadata;
    private ProgressReporter? progress;

    /// <summary>The file to add, usually from the pipeline: an object URL as a string, or any object with an
    /// ObjectUrl (or Url) property, such as a row of Import-Csv or a CloudObject from Get-CloudObject. An object's
    /// DataType property, when it has one, decides its file type instead of the URL's extension, and its Key and
    /// Bucket properties name its folder for -GroupBy Folder.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    public PSObject? InputObject { get; set; }

    /// <summary>The title of the one group that all input goes into. The platform requires a title for every group;
    /// it is how the group is named in the dataset.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TitleSet)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "";

    /// <summary>Makes one group per key instead of one group for everything. Folder (tab completion offers it)
    /// groups the files of each folder together and titles each group by the folder's own name, decoded ("Light
    /// Environment" for the URL folder "Light+Environment"); when two folders share a name the title is the
    /// folder's full path, and files at the root of a bucket are titled by the bucket's name. A scriptblock
    /// computes the key from each input object, available as $_ (the URL string itself, or the object that was
    /// piped in), and each distinct key becomes a group titled by the key. An input whose scriptblock fails or
    /// returns nothing gets a non-terminating error (GroupByScriptFailed, GroupByKeyEmpty) and is left out.</summary>
    [Parameter(Mandatory = true, ParameterSetName = GroupBySet)]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public GroupByArgument? GroupBy { get; set; }

    /// <summary>Text put before the title of every group that -GroupBy makes, for example "site-a-" to make the
    /// folder "cam01" the group "site-a-cam01".</summary>
    [Parameter(ParameterSetName = GroupBySet)]
    public string TitlePrefix { get; set; } = "";

    /// <summary>Keeps the files of each group in the order they came down the pipeline. By default they are
    /// ordered by a natural sort of their URL's path, in which numbers compare by value: frame2.jpg comes before
    /// frame10.jpg, and 1+(32).jpg before 1+(100).jpg.</summary>
    [Parameter]
    public SwitchParameter NoSort { get; set; }

    /// <summary>Custom metadata for every group made, written as the group's clientMetadata: a hashtable, an
    /// ordered dictionary ([ordered]@{...}, which keeps its key order) or a PSCustomObject. Values may be strings,
    /// numbers, booleans, $null, dates (written in ISO 8601), arrays and nested hashtables. Anything that is not a
    /// JSON object is a terminating error (ClientMetadataNotObject), and a group whose metadata exceeds the
    /// platform's 10 MB limit gets a non-terminating error (ClientMetadataTooLarge).</summary>
    [Parameter]
    public object? ClientMetadata { get; set; }

    /// <summary>Images or DICOM files.</summary>
    private protected abstract GroupMembers Members { get; }

    private protected abstract EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata);

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
            // The same metadata goes on every group: if it is over the platform's limit, no group can be uploaded.
            if (SpecItemRules.CheckMetadataSize(metadata) is { } tooLarge)
                ThrowTerminatingError(ErrorRecords.Terminating(tooLarge.RuleId, "-ClientMetadata: " + tooLarge.Message,
                    ErrorCategory.InvalidArgument, null));
        }
        GroupingStrategy strategy = GroupBy switch
        {
            null => new TitleGrouping(Title),
            { IsFolder: true } => new FolderGrouping(TitlePrefix),
            _ => new ScriptKeyGrouping(TitlePrefix, RunKeyScript),
        };
        grouper = new Grouper(strategy, Members, naturalSort: !NoSort);
        progress = new ProgressReporter(this, 1, MyInvocation.MyCommand.Name);
    }

    /// <summary>The -GroupBy scriptblock with the pipeline object as $_.</summary>
    private IReadOnlyList<object?> RunKeyScript(object input) =>
        GroupBy!.KeySelector!.InvokeWithContext(null, new List<PSVariable> { new("_", input) });

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
        {
            var step = grouper!.Add(element);
            WriteGroups(step.Completed);
            if (step.Problem is { } problem)
                WriteError(ErrorRecords.ForProblem(problem));
            else
                progress!.Report(grouper.Added, Members.Noun + "s grouped");
        }
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        if (grouper!.Added == 0 && GroupBy is null)
            WriteWarning($"No {Members.Noun}s came in, so no group '{Title}' was made.");
        WriteGroups(grouper.Finish());
    }

    private void WriteGroups(IEnumerable<CompletedGroup> groups)
    {
        // Each URL was checked as it came and a group holds it once; the metadata was checked at the start. Each
        // group gets its own copy of it: changing one group's metadata later must not change the others'.
        foreach (var group in groups)
            WriteObject(CreateGroup(group.Title, group.ObjectUrls, metadata is null ? null : JsonValueNormalizer.ToJsonObject(metadata)));
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
