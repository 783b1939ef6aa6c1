using System;
using System.Collections.Generic;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>How one grouping mode (-Title, -GroupBy Folder, -GroupBy with a scriptblock) finds an input's group:
/// its key, the title of a new group, and for streaming modes the groups an input proves complete.</summary>
internal abstract class GroupingStrategy
{
    /// <summary>The key of the group the input belongs to; false, with the problem, when it belongs to none.</summary>
    public abstract bool TryGetKey(ObjectUrlInput input, out string key, out InputProblem? problem);

    /// <summary>The title of a new group, reserved in <paramref name="titles"/> so no two groups share it.</summary>
    public abstract string TitleFor(ObjectUrlInput input, string key, UniqueTitles titles);

    /// <summary>Sets the titles that depend on which other groups there are, once the input has ended; the groups
    /// are those still open. They must come out the same whatever order the input arrived in.</summary>
    public virtual void FinishTitles(IEnumerable<PendingGroup> open, UniqueTitles titles) { }

    /// <summary>The open groups that this input, by arriving, proves complete; called before it is added.</summary>
    public virtual IReadOnlyList<PendingGroup> CompletedBefore(ObjectUrlInput input) => Array.Empty<PendingGroup>();

    /// <summary>Called when <paramref name="input"/> opened <paramref name="group"/>.</summary>
    public virtual void Opened(PendingGroup group, ObjectUrlInput input) { }
}
