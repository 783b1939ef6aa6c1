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
    private ScriptBlock? metadataScript;
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
    /// groups the files of each folder together. Objects from Get-CloudObject are titled by their folder's path below
    /// the listed -Prefix ("Apple/1-light" for food/Apple/1-light/ listed with -Prefix food/; a folder right at the
    /// prefix by its own name; the bucket's name at its root). Other input (URLs, rows of Import-Csv) is titled by
    /// the folder's own name, decoded ("Light Environment" for the URL folder "Light+Environment"), or by its full
    /// path when several folders of that name are grouped. Titles are the same however the input is ordered. A
    /// property name (as Group-Object takes one, such as Camera for rows of Import-Csv) or a scriptblock (which
    /// sees each input object as $_: the URL string itself, or the object that was piped in) computes the key, and
    /// each distinct key becomes a group titled by the key. An input whose scriptblock fails or that has no key gets
    /// a non-terminating error (GroupByScriptFailed, GroupByKeyEmpty) and is left out.</summary>
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

    /// <summary>Custom metadata for the groups, written as each group's clientMetadata: a hashtable, an ordered
    /// dictionary ([ordered]@{...}, which keeps its key order) or a PSCustomObject used for every group, or a
    /// scriptblock that runs once per group with the group as $_ (its Title, ObjectUrls and Count) and returns
    /// one, such as { @{ folder = $_.Title; frames = $_.Count } }. Values may be strings, numbers, booleans, $null,
    /// dates (written in ISO 8601), arrays and nested hashtables. A fixed value that is not a JSON object is a
    /// terminating error (ClientMetadataNotObject); a scriptblock that fails or returns something else gives a
    /// non-terminating error for that group, which is left out. A group whose metadata exceeds the platform's 10 MB
    /// limit gets a non-terminating error (ClientMetadataTooLarge).</summary>
    [Parameter]
    public object? ClientMetadata { get; set; }

    /// <summary>The property that holds each input object's URL, when it is not ObjectUrl or Url: a name such as
    /// object_url, or a scriptblock that makes the URL from $_, such as { "s3://$($_.BucketName)/$($_.Key)" } for
    /// AWS.Tools' Get-S3Object output. Strings are taken as URLs.</summary>
    [Parameter]
    [Alias("ObjectUrlProperty")]
    public PropertySelector? UrlProperty { get; set; }

    /// <summary>Images or DICOM files.</summary>
    private protected abstract GroupMembers Members { get; }

    private protected abstract EncordGroupItem CreateGroup(string title, string[] objectUrls, OrderedDictionary? clientMetadata);

    protected override void BeginProcessing()
    {
        if (ClientMetadata is ScriptBlock script)
        {
            metadataScript = script;
        }
        else if (ClientMetadata is not null)
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
            { PropertyName: { } property } => KeyGrouping.ByProperty(TitlePrefix, property),
            _ => new KeyGrouping(TitlePrefix, RunKeyScript),
        };
        grouper = new Grouper(strategy, Members, naturalSort: !NoSort, UrlProperty,
            UrlProperty is null ? null : ObjectUrlInput.Selector(UrlProperty, ScriptWithInput.Run));
        progress = new ProgressReporter(this, 1, MyInvocation.MyCommand.Name);
    }

    /// <summary>The -GroupBy scriptblock with the pipeline object as $_.</summary>
    private IReadOnlyList<object?> RunKeyScript(object input) => ScriptWithInput.Run(GroupBy!.KeySelector!, input);

    protected override void ProcessRecord()
    {
        foreach (object? element in InputEnumeration.Elements(InputObject))
        {
            var step = grouper!.Add(element);
            WriteGroups(step.Completed);
            if (step.Problem is { } problem)
                WriteError(ErrorRecords.ForProblem(problem));
            else if (step.Skipped is { } skipped)
                WriteWarning(skipped);
            else if (step.Added)
                progress!.Report(grouper.Added, Members.Noun + "s grouped");
        }
    }

    protected override void EndProcessing()
    {
        progress?.Complete();
        WriteGroups(grouper!.Finish());
        if (grouper.Skipped > 0)
            WriteWarning(SkippedFiles.Summary(grouper.Skipped, $"file(s) that are not {Members.Noun}s"));
        if (grouper.Added == 0 && GroupBy is null)
            WriteWarning($"No {Members.Noun}s came in, so no group '{Title}' was made.");
    }

    private void WriteGroups(IEnumerable<CompletedGroup> groups)
    {
        // Each URL was checked as it came and a group holds it once; fixed metadata was checked at the start. Each
        // group gets its own copy of it: changing one group's metadata later must not change the others'.
        foreach (var completed in groups)
        {
            var group = CreateGroup(completed.Title, completed.ObjectUrls, metadata is null ? null : JsonValueNormalizer.ToJsonObject(metadata));
            if (metadataScript is null || TryApplyMetadataScript(group))
                WriteObject(group);
        }
    }

    /// <summary>-ClientMetadata as a scriptblock: run once per group, with the group as $_.</summary>
    private bool TryApplyMetadataScript(EncordGroupItem group)
    {
        try
        {
            var output = ScriptWithInput.Run(metadataScript!, group);
            group.ClientMetadata = JsonValueNormalizer.ToJsonObject(output.Count == 1 ? output[0] : output);
        }
        catch (Exception e) when (e is RuntimeException or ClientMetadataException)
        {
            WriteError(ErrorRecords.ForItem(RuleIds.ClientMetadataNotObject,
                $"-ClientMetadata for the {Members.GroupNoun} '{group.Title}': {e.Message} The group is left out.", group));
            return false;
        }
        if (SpecItemRules.CheckMetadataSize(group.ClientMetadata) is { } tooLarge)
        {
            WriteError(ErrorRecords.ForProblem(tooLarge, group));
            return false;
        }
        return true;
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
