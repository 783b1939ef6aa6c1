using System.Collections.Generic;
using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>-GroupBy Folder: one group per folder, titled by the folder's decoded name (its path when two folders
/// share a name). Objects straight from a listing prove their folders complete as the listing moves on
/// (<see cref="FolderCompletion"/>), so those groups go out at once and a bucket's images are never all held.</summary>
internal sealed class FolderGrouping : GroupingStrategy
{
    private readonly string titlePrefix;
    private readonly FolderCompletion completion = new();

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
        return titles.Reserve(titlePrefix + folder.Name, titlePrefix + folder.Path);
    }

    public override IReadOnlyList<PendingGroup> CompletedBefore(ObjectUrlInput input) =>
        input.Source is CloudObject listed ? completion.Advance(listed) : base.CompletedBefore(input);

    public override void Opened(PendingGroup group, ObjectUrlInput input)
    {
        if (input.Source is CloudObject listed)
            completion.Track(group, listed);
    }
}
