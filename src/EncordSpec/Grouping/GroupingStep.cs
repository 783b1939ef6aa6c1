using System;
using System.Collections.Generic;
using EncordSpec.Input;

namespace EncordSpec.Grouping;

/// <summary>What adding one input to a <see cref="Grouper"/> came to: the groups it proved complete (write them now),
/// and whether the input joined a group, was passed over, or the problem or warning that left it out.</summary>
internal readonly struct GroupingStep
{
    private static readonly IReadOnlyList<CompletedGroup> None = Array.Empty<CompletedGroup>();

    private GroupingStep(IReadOnlyList<CompletedGroup>? completed, InputProblem? problem, string? skipped, bool added)
    {
        Completed = completed ?? None;
        Problem = problem;
        Skipped = skipped;
        Added = added;
    }

    /// <summary>Groups complete before this input, in the order their first member arrived; mostly none.</summary>
    public IReadOnlyList<CompletedGroup> Completed { get; }

    /// <summary>Why the input was left out with an error; null otherwise.</summary>
    public InputProblem? Problem { get; }

    /// <summary>Why the input was skipped with a warning (a file the group cannot hold); null otherwise.</summary>
    public string? Skipped { get; }

    /// <summary>True when the input joined its group.</summary>
    public bool Added { get; }

    public static GroupingStep Joined(IReadOnlyList<CompletedGroup>? completed) => new(completed, null, null, true);

    public static GroupingStep LeftOut(InputProblem problem, IReadOnlyList<CompletedGroup>? completed = null) => new(completed, problem, null, false);

    public static GroupingStep Skip(string warning) => new(null, null, warning, false);

    /// <summary>A blank line or comment of a URL list: nothing to group, nothing to say.</summary>
    public static GroupingStep Ignored => new(null, null, null, false);
}
