using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using EncordSpec.Grouping;
using EncordSpec.Input;
using EncordSpec.Format;
using EncordSpec.Metadata;
using EncordSpec.Urls;

namespace EncordSpec.Cmdlets;

/// <summary>What New-EncordImageGroup and New-EncordDicomSeries share: taking object URLs from the pipeline,
/// grouping them (one group by -Title, or one per -GroupBy key), ordering, and the errors for bad items.</summary>
public abstract class NewEncordGroupCommandBase : PSCmdlet
{
    protected const string TitleSet = "Title";
    protected const string GroupBySet = "GroupBy";

    private readonly GroupCollector collector = new();
    private readonly FolderCompletion folderCompletion = new();
    private readonly UniqueTitles titles = new();
    private OrderedDictionary? metadata;
    private ProgressReporter? progress;
    private long received;

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

    /// <summary>"image" or "DICOM file", for messages.</summary>
    private protected abstract string MemberNoun { get; }

    /// <summary>The error id and message when a URL is not of the group's kind, or null when it is.</summary>
    private protected abstract ItemProblem? CheckMemberType(ObjectUrlInput input);

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

        // Objects straight from a listing prove their folders complete as the listing moves on (-GroupBy Folder):
        // those groups go out now, so a bucket's images are never all held at once.
        var listed = GroupBy is { IsFolder: true } ? input.Source as CloudObject : null;
        if (listed is not null)
            WriteGroups(folderCompletion.Advance(listed));

        var group = FindGroup(input, out bool created);
        if (group is null)
            return;
        if (created && listed is not null)
            folderCompletion.Track(group, listed);
        if (!group.TryAdd(input.ObjectUrl))
        {
            WriteError(ErrorRecords.ForItem(RuleIds.DuplicateUrlInGroup,
                $"The object URL '{input.ObjectUrl}' is already in the group '{group.Title}'; it is added once.", input.ObjectUrl));
            return;
        }
        progress!.Report(++received, MemberNoun + "s grouped");
    }

    /// <summary>The group the input belongs to, or null when its key could not be computed or its group was already
    /// written (an error says which).</summary>
    private PendingGroup? FindGroup(ObjectUrlInput input, out bool created)
    {
        created = false;
        string key;
        Func<string> makeTitle;
        if (GroupBy is null)
        {
            key = "";
            makeTitle = () => titles.Reserve(Title);
        }
        else if (GroupBy.IsFolder)
        {
            // The folder's URL identifies it cheaply; its decoded name is worked out once, for a new group.
            key = ObjectUrlPath.GetFolderUrl(input.ObjectUrl);
            makeTitle = () =>
            {
                var folder = FolderGroupKey.Of(input);
                return titles.Reserve(TitlePrefix + folder.Name, TitlePrefix + folder.Path);
            };
        }
        else
        {
            string? selected = InvokeKeySelector(input);
            if (selected is null)
                return null;
            key = selected;
            makeTitle = () => titles.Reserve(TitlePrefix + selected);
        }

        var group = collector.GetOrAdd(key, makeTitle, input.Source, out created);
        if (group is null)
            WriteError(ErrorRecords.ForItem("FolderGroupAlreadyWritten",
                $"'{input.ObjectUrl}' came after its folder's group was written: the listing's objects were re-ordered or " +
                "repeated on the way. Pipe Get-CloudObject straight into New-EncordImageGroup, or sort the objects by Key first.",
                input.ObjectUrl, ErrorCategory.InvalidOperation));
        return group;
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
        if (collector.OpenCount == 0 && GroupBy is null)
            WriteWarning($"No {MemberNoun}s came in, so no group '{Title}' was made.");
        WriteGroups(collector.Groups.ToList());
    }

    /// <summary>Writes complete groups and lets go of their URLs.</summary>
    private void WriteGroups(IReadOnlyList<PendingGroup>? complete)
    {
        if (complete is null) return;
        foreach (var pending in complete)
        {
            // Each URL was checked as it came and a group holds it once; the metadata was checked at the start.
            collector.Release(pending);
            WriteObject(CreateGroup(pending.Title, pending.OrderedUrls(naturalSort: !NoSort), metadata));
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
