using System;
using System.Collections.Generic;
using System.Linq;
using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>-GroupBy Folder: one group per folder. Titles never depend on the order the input arrives in (parallel
/// listings have none): objects from Get-CloudObject are titled by their folder's path below the listed prefix
/// (<see cref="FolderGroupKey.TitleBelow"/>), which they carry, so their groups can go out at once: the listing proves
/// them complete as it moves on (<see cref="FolderCompletion"/>) and a bucket's images are never all held. Other
/// input (URLs, rows of Import-Csv) is held to the end anyway; then each group is titled by its folder's decoded
/// name, or by the folder's path where several folders of that name were grouped.</summary>
internal sealed class FolderGrouping : GroupingStrategy
{
    private readonly string titlePrefix;
    private readonly FolderCompletion completion = new();
    private readonly Dictionary<string, FolderGroupKey> titledAtTheEnd = new(StringComparer.Ordinal);

    public FolderGrouping(string titlePrefix) => this.titlePrefix = titlePrefix;

    /// <summary>The folder's URL: it tells folders of different buckets apart and costs one substring.</summary>
    public override bool TryGetKey(ObjectUrlInput input, out string key, out InputProblem? problem)
    {
        key = ObjectUrlPath.GetFolderUrl(input.ObjectUrl);
        problem = null;
        return true;
    }

    /// <summary>The decoded name is worked out once per folder, here.</summary>
    public override string TitleFor(ObjectUrlInput input, string key, UniqueTitles titles)
    {
        var folder = FolderGroupKey.Of(input);
        if (input.Source is CloudObject { Partition: not null } or CloudObject { ListedPrefix: not null })
        {
            var listed = (CloudObject)input.Source;
            return titles.Reserve(titlePrefix + FolderGroupKey.TitleBelow(listed, listed.ListedPrefix ?? ""), titlePrefix + folder.Path);
        }
        titledAtTheEnd.Add(key, folder);
        return titlePrefix + folder.Path; // for messages until the input ends
    }

    public override void FinishTitles(IEnumerable<PendingGroup> open, UniqueTitles titles)
    {
        // In folder URL order, so that even a tie the paths cannot break (two buckets, one path) ends the same way.
        var held = open.Where(group => titledAtTheEnd.ContainsKey(group.Key)).OrderBy(group => group.Key, StringComparer.Ordinal).ToList();
        var foldersPerName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in held)
        {
            string name = titledAtTheEnd[group.Key].Name;
            foldersPerName[name] = foldersPerName.TryGetValue(name, out int count) ? count + 1 : 1;
        }
        foreach (var group in held)
        {
            var folder = titledAtTheEnd[group.Key];
            string path = titlePrefix + folder.Path;
            group.Title = foldersPerName[folder.Name] == 1 ? titles.Reserve(titlePrefix + folder.Name, path) : titles.Reserve(path);
        }
    }

    public override IReadOnlyList<PendingGroup> CompletedBefore(ObjectUrlInput input) =>
        input.Source is CloudObject listed ? completion.Advance(listed) : base.CompletedBefore(input);

    public override void Opened(PendingGroup group, ObjectUrlInput input)
    {
        if (input.Source is CloudObject listed)
            completion.Track(group, listed);
    }
}
